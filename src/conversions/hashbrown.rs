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
use crate::types::{
    PyAnyMethods, PyDict, PyDictMethods, PyFrozenSet, PyFrozenSetMethods, PySet, PySetMethods,
};
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, PyResult, Python};

fn dict_from_pairs<'py, K, V>(
    py: Python<'py>,
    pairs: impl IntoIterator<Item = (K, V)>,
) -> PyResult<Bound<'py, PyDict>>
where
    K: IntoPyObject<'py>,
    V: IntoPyObject<'py>,
{
    let dict = PyDict::new(py);
    for (k, v) in pairs {
        dict.set_item(k, v)?;
    }
    Ok(dict)
}

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
        let dict = ob.cast::<PyDict>()?;
        let mut map = hashbrown::HashMap::with_capacity_and_hasher(dict.len(), S::default());
        for (k, v) in dict.iter() {
            map.insert(
                k.extract().map_err(Into::into)?,
                v.extract().map_err(Into::into)?,
            );
        }
        Ok(map)
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
        match ob.cast::<PySet>() {
            Ok(set) => set
                .iter()
                .map(|k| k.extract().map_err(Into::into))
                .collect(),
            Err(err) => match ob.cast::<PyFrozenSet>() {
                Ok(frozen) => frozen
                    .iter()
                    .map(|k| k.extract().map_err(Into::into))
                    .collect(),
                Err(_) => Err(err.into()),
            },
        }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyList;
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
