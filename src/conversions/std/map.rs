//! `HashMap` / `BTreeMap` <-> Python `dict`.

use std::collections::{BTreeMap, HashMap};

use crate::conversion::{FromPyObjectOwned, IntoPyObject};
use crate::types::{PyAnyMethods, PyDict, PyDictMethods};
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, Python};

/// Builds a dict from converted key-value pairs (also used by the `hashbrown` and `indexmap`
/// map conversions).
#[inline]
pub(crate) fn dict_from_pairs<'py, K, V>(
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

/// `IntoPyObject` (by value and by reference) and `FromPyObject` (from a `dict` or subclass,
/// keys and values extracted one by one) for a hash map type with the API of std's `HashMap`
/// (`with_capacity_and_hasher`): std's own, `hashbrown::HashMap`, `indexmap::IndexMap`.
macro_rules! hash_map_conversions {
    ($($map:ident)::+) => {
        impl<'py, K, V, H> $crate::IntoPyObject<'py> for $($map)::+<K, V, H>
        where
            K: $crate::IntoPyObject<'py> + ::std::cmp::Eq + ::std::hash::Hash,
            V: $crate::IntoPyObject<'py>,
            H: ::std::hash::BuildHasher,
        {
            type Target = $crate::types::PyDict;
            type Output = $crate::Bound<'py, $crate::types::PyDict>;
            type Error = $crate::PyErr;

            fn into_pyobject(
                self,
                py: $crate::Python<'py>,
            ) -> ::std::result::Result<Self::Output, Self::Error> {
                $crate::conversions::std::map::dict_from_pairs(py, self)
            }
        }

        impl<'a, 'py, K, V, H> $crate::IntoPyObject<'py> for &'a $($map)::+<K, V, H>
        where
            &'a K: $crate::IntoPyObject<'py> + ::std::cmp::Eq + ::std::hash::Hash,
            &'a V: $crate::IntoPyObject<'py>,
            H: ::std::hash::BuildHasher,
        {
            type Target = $crate::types::PyDict;
            type Output = $crate::Bound<'py, $crate::types::PyDict>;
            type Error = $crate::PyErr;

            fn into_pyobject(
                self,
                py: $crate::Python<'py>,
            ) -> ::std::result::Result<Self::Output, Self::Error> {
                $crate::conversions::std::map::dict_from_pairs(py, self)
            }
        }

        impl<'py, K, V, S> $crate::FromPyObject<'_, 'py> for $($map)::+<K, V, S>
        where
            K: $crate::conversion::FromPyObjectOwned<'py> + ::std::cmp::Eq + ::std::hash::Hash,
            V: $crate::conversion::FromPyObjectOwned<'py>,
            S: ::std::hash::BuildHasher + ::std::default::Default,
        {
            type Error = $crate::PyErr;

            fn extract(
                ob: $crate::Borrowed<'_, 'py, $crate::PyAny>,
            ) -> ::std::result::Result<Self, Self::Error> {
                $crate::conversions::std::map::extract_dict_into(ob, |len| {
                    <$($map)::+<K, V, S>>::with_capacity_and_hasher(len, S::default())
                })
            }
        }
    };
}
#[cfg(any(feature = "hashbrown", feature = "indexmap"))]
pub(crate) use hash_map_conversions;

hash_map_conversions!(HashMap);

impl<'py, K, V> IntoPyObject<'py> for BTreeMap<K, V>
where
    K: IntoPyObject<'py> + Eq,
    V: IntoPyObject<'py>,
{
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
/// `new_map(len(dict))` (also used by the `hashbrown` and `indexmap` map conversions).
pub(crate) fn extract_dict_into<'py, K, V, M>(
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

impl<'py, K, V> FromPyObject<'_, 'py> for BTreeMap<K, V>
where
    K: FromPyObjectOwned<'py> + Ord,
    V: FromPyObjectOwned<'py>,
{
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
