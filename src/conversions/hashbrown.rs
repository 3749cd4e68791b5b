//! Conversions of [`hashbrown::HashMap`] (to and from `dict`) and [`hashbrown::HashSet`] (to
//! `set`, from `set` or `frozenset`), feature `hashbrown`. They behave like the conversions of
//! the standard library's `HashMap` and `HashSet`.
//!
//! ```
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let mut map = hashbrown::HashMap::<String, u32, std::hash::RandomState>::default();
//!     map.insert("a".to_owned(), 1);
//!     let dict = map.clone().into_pyobject(py)?;
//!     let back: hashbrown::HashMap<String, u32, std::hash::RandomState> = dict.extract()?;
//!     assert_eq!(back, map);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use std::hash::{BuildHasher, Hash};

use crate::conversion::{FromPyObjectOwned, IntoPyObject};
use crate::conversions::std::map::{dict_from_pairs, extract_dict_into};
use crate::conversions::std::set::extract_set_elements;
use crate::types::{PyDict, PySet};
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, Python};

impl<'py, K, V, H> IntoPyObject<'py> for hashbrown::HashMap<K, V, H>
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

impl<'a, 'py, K, V, H> IntoPyObject<'py> for &'a hashbrown::HashMap<K, V, H>
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

impl<'py, K, V, S> FromPyObject<'_, 'py> for hashbrown::HashMap<K, V, S>
where
    K: FromPyObjectOwned<'py> + Eq + Hash,
    V: FromPyObjectOwned<'py>,
    S: BuildHasher + Default,
{
    type Error = PyErr;

    /// Accepts a `dict` (or subclass).
    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_dict_into(ob, |len| {
            hashbrown::HashMap::with_capacity_and_hasher(len, S::default())
        })
    }
}

impl<'py, K, H> IntoPyObject<'py> for hashbrown::HashSet<K, H>
where
    K: IntoPyObject<'py> + Eq + Hash,
    H: BuildHasher,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PySet::new(py, self)
    }
}

impl<'a, 'py, K, H> IntoPyObject<'py> for &'a hashbrown::HashSet<K, H>
where
    &'a K: IntoPyObject<'py> + Eq + Hash,
    H: BuildHasher,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PySet::new(py, self)
    }
}

impl<'py, K, S> FromPyObject<'_, 'py> for hashbrown::HashSet<K, S>
where
    K: FromPyObjectOwned<'py> + Eq + Hash,
    S: BuildHasher + Default,
{
    type Error = PyErr;

    /// Accepts a `set` or `frozenset`; anything else is a cast error naming `set`.
    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_set_elements(ob)
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::{PyAnyMethods, PyDictMethods, PyFrozenSet, PyList, PySetMethods};
    use std::collections::hash_map::RandomState;

    // hashbrown's own default hasher is an optional feature of hashbrown; std's works with
    // every hashbrown version this crate accepts.
    type Map<K, V> = hashbrown::HashMap<K, V, RandomState>;
    type Set<K> = hashbrown::HashSet<K, RandomState>;

    #[test]
    fn map_and_set_round_trip() {
        Python::attach(|py| {
            let mut map = Map::default();
            map.insert(1i32, "one".to_owned());
            let dict = (&map).into_pyobject(py).unwrap();
            assert_eq!(dict.len(), 1);
            let back: Map<i32, String> = dict.extract().unwrap();
            assert_eq!(back, map);

            let set: Set<i32> = [1, 2, 3].into_iter().collect();
            let py_set = set.clone().into_pyobject(py).unwrap();
            assert_eq!(py_set.len(), 3);
            let back: Set<i32> = py_set.extract().unwrap();
            assert_eq!(back, set);
            let frozen = PyFrozenSet::new(py, [4, 5]).unwrap();
            let back: Set<i32> = frozen.extract().unwrap();
            assert_eq!(back.len(), 2);

            let list = PyList::empty(py);
            let err = list.extract::<Set<i32>>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "TypeError: 'list' object is not an instance of 'set'"
            );
            let err = list.extract::<Map<i32, i32>>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "TypeError: 'list' object is not an instance of 'dict'"
            );
        });
    }
}
