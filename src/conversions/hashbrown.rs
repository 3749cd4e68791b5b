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

crate::conversions::std::map::hash_map_conversions!(hashbrown::HashMap);

crate::conversions::std::set::hash_set_conversions!(hashbrown::HashSet);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use crate::types::{PyAnyMethods, PyDictMethods, PyFrozenSet, PyList, PySetMethods};
    use crate::{IntoPyObject, Python};
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
