//! Conversions of [`uuid::Uuid`] to and from Python's `uuid.UUID` (feature `uuid`).
//!
//! The value travels as the 128-bit integer `UUID.int`, so no string is formatted or parsed.
//! Extraction accepts `uuid.UUID` instances (and subclasses) only; anything else raises
//! ``TypeError: Expected a `uuid.UUID` instance.``, PyO3's message.
//!
//! ```
//! use pyo3::prelude::*;
//! use uuid::Uuid;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let id = Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);
//!     let obj = id.into_pyobject(py)?;
//!     assert_eq!(obj.str()?.to_string(), "12345678-9abc-def0-1234-56789abcdef0");
//!     assert_eq!(obj.extract::<Uuid>()?, id);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use uuid::{NonNilUuid, Uuid};

use crate::exceptions::PyValueError;
use crate::sync::PyOnceLock;
use crate::types::{PyAnyMethods, PyDict, PyDictMethods, PyType};
use crate::{
    intern, Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyAny, PyErr, PyResult, Python,
};

/// `uuid.UUID`, imported once per interpreter.
fn uuid_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static UUID_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    UUID_TYPE.import(py, "uuid", "UUID")
}

impl FromPyObject<'_, '_> for Uuid {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let py = obj.py();
        let ty = uuid_type(py)?;
        if !obj.is_instance(ty)? {
            // PyO3's wording, not the usual cast message.
            return Err(crate::exceptions::PyTypeError::new_err(
                "Expected a `uuid.UUID` instance.",
            ));
        }
        let int: u128 = obj.getattr(intern!(py, "int"))?.extract()?;
        Ok(Uuid::from_u128(int))
    }
}

impl<'py> IntoPyObject<'py> for Uuid {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// `uuid.UUID(int=...)`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let kwargs = PyDict::new(py);
        kwargs.set_item(intern!(py, "int"), self.as_u128())?;
        uuid_type(py)?.call((), Some(&kwargs))
    }
}

impl<'py> IntoPyObject<'py> for &Uuid {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl FromPyObject<'_, '_> for NonNilUuid {
    type Error = PyErr;

    /// Like [`Uuid`]; the nil UUID raises `ValueError: UUID is nil`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let uuid: Uuid = obj.extract()?;
        NonNilUuid::new(uuid).ok_or_else(|| PyValueError::new_err("UUID is nil"))
    }
}

impl<'py> IntoPyObject<'py> for NonNilUuid {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Uuid::from(self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &NonNilUuid {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyString;

    #[test]
    fn uuid_round_trip_and_errors() {
        Python::attach(|py| {
            let id = Uuid::from_u128(u128::MAX - 7);
            let obj = id.into_pyobject(py).unwrap();
            assert_eq!(obj.str().unwrap().to_string(), id.to_string());
            assert_eq!(obj.extract::<Uuid>().unwrap(), id);
            let nil = (&Uuid::nil()).into_pyobject(py).unwrap();
            assert_eq!(nil.extract::<Uuid>().unwrap(), Uuid::nil());
            let err = nil.extract::<NonNilUuid>().unwrap_err();
            assert_eq!(err.to_string(), "ValueError: UUID is nil");
            let nn = NonNilUuid::new(id).unwrap();
            let obj = (&nn).into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<NonNilUuid>().unwrap(), nn);
            let s = PyString::new(py, "00000000-0000-0000-0000-000000000000");
            let err = s.extract::<Uuid>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "TypeError: Expected a `uuid.UUID` instance."
            );
        });
    }
}
