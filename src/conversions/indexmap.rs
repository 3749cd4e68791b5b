//! Conversions of [`indexmap::IndexMap`] to and from `dict` (feature `indexmap`).
//!
//! Python's `dict` keeps insertion order, like `IndexMap`: the order survives both ways.
//!
//! ```
//! use indexmap::IndexMap;
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let mut map = IndexMap::new();
//!     map.insert("z".to_owned(), 1);
//!     map.insert("a".to_owned(), 2);
//!     let dict = map.into_pyobject(py)?;
//!     let back: IndexMap<String, i32> = dict.extract()?;
//!     assert_eq!(back.keys().collect::<Vec<_>>(), ["z", "a"]);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use std::hash::{BuildHasher, Hash};

use indexmap::IndexMap;

use crate::conversion::{FromPyObjectOwned, IntoPyObject};
use crate::conversions::std::map::{dict_from_pairs, extract_dict_into};
use crate::types::PyDict;
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, Python};

impl<'py, K, V, H> IntoPyObject<'py> for IndexMap<K, V, H>
where
    K: IntoPyObject<'py> + Eq + Hash,
    V: IntoPyObject<'py>,
    H: BuildHasher,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

impl<'a, 'py, K, V, H> IntoPyObject<'py> for &'a IndexMap<K, V, H>
where
    &'a K: IntoPyObject<'py> + Eq + Hash,
    &'a V: IntoPyObject<'py>,
    H: BuildHasher,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

impl<'py, K, V, S> FromPyObject<'_, 'py> for IndexMap<K, V, S>
where
    K: FromPyObjectOwned<'py> + Eq + Hash,
    V: FromPyObjectOwned<'py>,
    S: BuildHasher + Default,
{
    type Error = PyErr;

    /// Accepts a `dict` (or subclass), keeping its order.
    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_dict_into(ob, |len| {
            IndexMap::with_capacity_and_hasher(len, S::default())
        })
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::{PyAnyMethods, PyDictMethods};

    #[test]
    fn order_is_kept_both_ways() {
        Python::attach(|py| {
            let mut map = IndexMap::new();
            for (i, k) in ["c", "a", "b"].iter().enumerate() {
                map.insert(k.to_string(), i);
            }
            let dict = (&map).into_pyobject(py).unwrap();
            let keys: Vec<String> = dict.keys().extract().unwrap();
            assert_eq!(keys, ["c", "a", "b"]);
            let back: IndexMap<String, usize> = dict.extract().unwrap();
            assert_eq!(back, map);
            assert!(back.keys().eq(map.keys()));
        });
    }
}
