//! `HashSet` / `BTreeSet` <-> Python `set` (extraction also accepts `frozenset`).

use std::collections::{BTreeSet, HashSet};

use crate::conversion::{FromPyObjectOwned, IntoPyObject};
use crate::types::{PyAnyMethods, PyFrozenSet, PyFrozenSetMethods, PySet, PySetMethods};
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, PyResult, Python};

/// `IntoPyObject` (by value and by reference, into a `set`) and `FromPyObject` (from a `set` or
/// `frozenset`) for a hash set type with the API of std's `HashSet`: std's own and
/// `hashbrown::HashSet`.
macro_rules! hash_set_conversions {
    ($($set:ident)::+) => {
        impl<'py, K, H> $crate::IntoPyObject<'py> for $($set)::+<K, H>
        where
            K: $crate::IntoPyObject<'py> + ::std::cmp::Eq + ::std::hash::Hash,
            H: ::std::hash::BuildHasher,
        {
            type Target = $crate::types::PySet;
            type Output = $crate::Bound<'py, $crate::types::PySet>;
            type Error = $crate::PyErr;

            fn into_pyobject(
                self,
                py: $crate::Python<'py>,
            ) -> ::std::result::Result<Self::Output, Self::Error> {
                $crate::types::PySet::new(py, self)
            }
        }

        impl<'a, 'py, K, H> $crate::IntoPyObject<'py> for &'a $($set)::+<K, H>
        where
            &'a K: $crate::IntoPyObject<'py> + ::std::cmp::Eq + ::std::hash::Hash,
            H: ::std::hash::BuildHasher,
        {
            type Target = $crate::types::PySet;
            type Output = $crate::Bound<'py, $crate::types::PySet>;
            type Error = $crate::PyErr;

            fn into_pyobject(
                self,
                py: $crate::Python<'py>,
            ) -> ::std::result::Result<Self::Output, Self::Error> {
                $crate::types::PySet::new(py, self)
            }
        }

        impl<'py, K, S> $crate::FromPyObject<'_, 'py> for $($set)::+<K, S>
        where
            K: $crate::conversion::FromPyObjectOwned<'py> + ::std::cmp::Eq + ::std::hash::Hash,
            S: ::std::hash::BuildHasher + ::std::default::Default,
        {
            type Error = $crate::PyErr;

            fn extract(
                ob: $crate::Borrowed<'_, 'py, $crate::PyAny>,
            ) -> ::std::result::Result<Self, Self::Error> {
                $crate::conversions::std::set::extract_set_elements(ob)
            }
        }
    };
}
#[cfg(feature = "hashbrown")]
pub(crate) use hash_set_conversions;

hash_set_conversions!(HashSet);

impl<'py, K> IntoPyObject<'py> for BTreeSet<K>
where
    K: IntoPyObject<'py> + Ord,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PySet::new(py, self)
    }
}

impl<'a, 'py, K> IntoPyObject<'py> for &'a BTreeSet<K>
where
    &'a K: IntoPyObject<'py> + Ord,
    K: 'a,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PySet::new(py, self)
    }
}

/// Extracts every element of a `set` or `frozenset` into a collection; anything else is a
/// cast error naming `set` (also used by the `hashbrown` set conversion).
pub(crate) fn extract_set_elements<'py, K, C>(ob: Borrowed<'_, 'py, PyAny>) -> PyResult<C>
where
    K: FromPyObjectOwned<'py>,
    C: FromIterator<K>,
{
    match ob.cast::<PySet>() {
        Ok(set) => set
            .iter()
            .map(|any| any.extract::<K>().map_err(Into::into))
            .collect(),
        Err(err) => match ob.cast::<PyFrozenSet>() {
            Ok(frozen) => frozen
                .iter()
                .map(|any| any.extract::<K>().map_err(Into::into))
                .collect(),
            Err(_) => Err(PyErr::from(err)),
        },
    }
}

impl<'py, K> FromPyObject<'_, 'py> for BTreeSet<K>
where
    K: FromPyObjectOwned<'py> + Ord,
{
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_set_elements(ob)
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;

    #[test]
    fn sets_round_trip() {
        Python::attach(|py| {
            let set: HashSet<String> = ["a", "b", "c"].into_iter().map(String::from).collect();
            let py_set = (&set).into_pyobject(py).unwrap();
            assert_eq!(py_set.len(), 3);
            let back: HashSet<String> = py_set.extract().unwrap();
            assert_eq!(back, set);
            let frozen = PyFrozenSet::new(py, ["y", "x"]).unwrap();
            let back: BTreeSet<String> = frozen.extract().unwrap();
            assert_eq!(back.into_iter().collect::<Vec<_>>(), ["x", "y"]);
        });
    }
}
