//! [`serde`] support for [`Py<T>`] (feature `serde`).
//!
//! `Py<T>` serializes as the `T` it holds (for a `#[pyclass]` `T: Serialize`: the value is
//! borrowed while attached to the interpreter) and deserializes by deserializing a `T` and
//! moving it into a new Python object. Both attach to the interpreter as needed, so they work
//! from any thread. Borrowing fails (a serialization error) if the object is mutably borrowed.
//!
//! ```
//! use pyo3::prelude::*;
//! use serde::{Deserialize, Serialize};
//!
//! #[pyclass]
//! #[derive(Serialize, Deserialize)]
//! struct Point {
//!     x: i32,
//!     y: i32,
//! }
//!
//! # Python::initialize();
//! let p: Py<Point> = Python::attach(|py| Py::new(py, Point { x: 1, y: 2 })).unwrap();
//! let json = serde_json::to_string(&p).unwrap();
//! assert_eq!(json, r#"{"x":1,"y":2}"#);
//! let q: Py<Point> = serde_json::from_str(&json).unwrap();
//! Python::attach(|py| assert_eq!(q.borrow(py).y, 2));
//! ```

use serde::{de, ser, Deserialize, Deserializer, Serialize, Serializer};

use crate::pyclass::PyClass;
use crate::{Py, PyClassInitializer, Python};

impl<T> Serialize for Py<T>
where
    T: Serialize + PyClass,
{
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        Python::attach(|py| {
            let borrowed = self
                .try_borrow(py)
                .map_err(|e| ser::Error::custom(e.to_string()))?;
            borrowed.serialize(serializer)
        })
    }
}

impl<'de, T> Deserialize<'de> for Py<T>
where
    T: PyClass + Deserialize<'de> + Into<PyClassInitializer<T>>,
{
    fn deserialize<D>(deserializer: D) -> Result<Py<T>, D::Error>
    where
        D: Deserializer<'de>,
    {
        let value = T::deserialize(deserializer)?;
        Python::attach(|py| Py::new(py, value).map_err(|e| de::Error::custom(e.to_string())))
    }
}
