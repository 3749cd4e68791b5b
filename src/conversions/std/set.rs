//! `HashSet` / `BTreeSet` <-> Python `set` (extraction also accepts `frozenset`).

use std::collections::{BTreeSet, HashSet};
use std::hash::{BuildHasher, Hash};

use crate::conversion::{FromPyObjectOwned, IntoPyObject};
use crate::types::{PyAnyMethods, PyFrozenSet, PyFrozenSetMethods, PySet, PySetMethods};
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, PyResult, Python};

impl<'py, K, S> IntoPyObject<'py> for HashSet<K, S>
where
    K: IntoPyObject<'py> + Eq + Hash,
    S: BuildHasher,
{
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::SET, K::OUTPUT_TYPE);
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PySet::new(py, self)
    }
}

impl<'a, 'py, K, H> IntoPyObject<'py> for &'a HashSet<K, H>
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

impl<'py, K> IntoPyObject<'py> for BTreeSet<K>
where
    K: IntoPyObject<'py> + Ord,
{
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::SET, K::OUTPUT_TYPE);
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
/// cast error naming `set`.
fn extract_set_elements<'py, K, C>(ob: Borrowed<'_, 'py, PyAny>) -> PyResult<C>
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

impl<'py, K, S> FromPyObject<'_, 'py> for HashSet<K, S>
where
    K: FromPyObjectOwned<'py> + Eq + Hash,
    S: BuildHasher + Default,
{
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::SET, K::INPUT_TYPE);
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_set_elements(ob)
    }
}

impl<'py, K> FromPyObject<'_, 'py> for BTreeSet<K>
where
    K: FromPyObjectOwned<'py> + Ord,
{
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::SET, K::INPUT_TYPE);
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
