//! `HashMap` / `BTreeMap` <-> Python `dict`.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::conversion::{FromPyObjectOwned, IntoPyObject};
use crate::types::{PyAnyMethods, PyDict, PyDictMethods};
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, Python};

/// Builds a dict from converted key-value pairs.
#[inline]
fn dict_from_pairs<'py, K, V>(
    py: Python<'py>,
    pairs: impl IntoIterator<Item = (K, V)>,
) -> Result<Bound<'py, PyDict>, PyErr>
where
    K: IntoPyObject<'py>,
    V: IntoPyObject<'py>,
{
    let dict = PyDict::new(py);
    for (key, value) in pairs {
        dict.set_item(key, value)?;
    }
    Ok(dict)
}

impl<'py, K, V, H> IntoPyObject<'py> for HashMap<K, V, H>
where
    K: IntoPyObject<'py> + Eq + Hash,
    V: IntoPyObject<'py>,
    H: BuildHasher,
{
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::DICT, K::OUTPUT_TYPE, V::OUTPUT_TYPE);
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

impl<'a, 'py, K, V, H> IntoPyObject<'py> for &'a HashMap<K, V, H>
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

impl<'py, K, V> IntoPyObject<'py> for BTreeMap<K, V>
where
    K: IntoPyObject<'py> + Eq,
    V: IntoPyObject<'py>,
{
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::DICT, K::OUTPUT_TYPE, V::OUTPUT_TYPE);
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

impl<'a, 'py, K, V> IntoPyObject<'py> for &'a BTreeMap<K, V>
where
    &'a K: IntoPyObject<'py> + Eq,
    &'a V: IntoPyObject<'py>,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

/// Extracts the items of a `dict` (or subclass) one by one into the map made by
/// `new_map(len(dict))`.
fn extract_dict_into<'py, K, V, M>(
    ob: Borrowed<'_, 'py, PyAny>,
    new_map: impl FnOnce(usize) -> M,
) -> Result<M, PyErr>
where
    K: FromPyObjectOwned<'py>,
    V: FromPyObjectOwned<'py>,
    M: Extend<(K, V)>,
{
    let dict = ob.cast::<PyDict>()?;
    let mut map = new_map(dict.len());
    for (key, value) in dict.iter() {
        let key = key.extract().map_err(Into::into)?;
        let value = value.extract().map_err(Into::into)?;
        map.extend(std::iter::once((key, value)));
    }
    Ok(map)
}

impl<'py, K, V, S> FromPyObject<'_, 'py> for HashMap<K, V, S>
where
    K: FromPyObjectOwned<'py> + Eq + Hash,
    V: FromPyObjectOwned<'py>,
    S: BuildHasher + Default,
{
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::DICT, K::INPUT_TYPE, V::INPUT_TYPE);
    type Error = PyErr;

    /// Accepts a `dict` (or subclass); keys and values are extracted one by one.
    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_dict_into(ob, |len| {
            HashMap::with_capacity_and_hasher(len, S::default())
        })
    }
}

impl<'py, K, V> FromPyObject<'_, 'py> for BTreeMap<K, V>
where
    K: FromPyObjectOwned<'py> + Ord,
    V: FromPyObjectOwned<'py>,
{
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::DICT, K::INPUT_TYPE, V::INPUT_TYPE);
    type Error = PyErr;

    /// Accepts a `dict` (or subclass); keys and values are extracted one by one.
    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_dict_into(ob, |_| BTreeMap::new())
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;

    #[test]
    fn hashmap_round_trip() {
        Python::attach(|py| {
            let mut map = HashMap::new();
            map.insert("k".to_owned(), "one".to_owned());
            let dict = (&map).into_pyobject(py).unwrap();
            assert_eq!(dict.len(), 1);
            let back: HashMap<String, String> = dict.extract().unwrap();
            assert_eq!(back, map);
            let dict = map.clone().into_pyobject(py).unwrap();
            let back: BTreeMap<String, String> = dict.extract().unwrap();
            assert_eq!(back.get("k").map(String::as_str), Some("one"));
        });
    }
}
