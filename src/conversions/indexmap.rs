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

use indexmap::IndexMap;

crate::conversions::std::map::hash_map_conversions!(IndexMap);

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::{PyAnyMethods, PyDictMethods};
    use crate::{IntoPyObject, Python};

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
