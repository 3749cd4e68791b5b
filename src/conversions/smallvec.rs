//! Conversions of [`smallvec::SmallVec`] (feature `smallvec`): to a `list` (to `bytes` when the
//! element type is `u8`, like `Vec<u8>`), and from any sequence except `str`.
//!
//! ```
//! use pyo3::prelude::*;
//! use smallvec::{smallvec, SmallVec};
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let v: SmallVec<[i32; 4]> = smallvec![1, 2, 3];
//!     let list = v.into_pyobject(py)?;
//!     assert_eq!(list.to_string(), "[1, 2, 3]");
//!     let back: SmallVec<[i32; 4]> = list.extract()?;
//!     assert_eq!(back.as_slice(), [1, 2, 3]);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use smallvec::{Array, SmallVec};

use crate::conversion::{private, FromPyObjectOwned, IntoPyObject};
use crate::exceptions::PyTypeError;
use crate::types::{PyAnyMethods, PyString};
use crate::{Borrowed, Bound, FromPyObject, PyAny, PyErr, Python};

impl<'py, A> IntoPyObject<'py> for SmallVec<A>
where
    A: Array,
    A::Item: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        <A::Item>::owned_sequence_into_pyobject(self, py, private::Token)
    }
}

impl<'a, 'py, A> IntoPyObject<'py> for &'a SmallVec<A>
where
    A: Array,
    &'a A::Item: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.as_slice().into_pyobject(py)
    }
}

impl<'py, A> FromPyObject<'_, 'py> for SmallVec<A>
where
    A: Array,
    A::Item: FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    /// Accepts any sequence except `str` (`TypeError: Can't extract `str` to `SmallVec``).
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        if obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("Can't extract `str` to `SmallVec`"));
        }
        let v: Vec<A::Item> = obj.extract()?;
        Ok(SmallVec::from_vec(v))
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyBytes;
    use smallvec::smallvec;

    #[test]
    fn smallvec_conversions() {
        Python::attach(|py| {
            let v: SmallVec<[u8; 8]> = smallvec![1, 2];
            let obj = (&v).into_pyobject(py).unwrap();
            assert!(obj.is_instance_of::<PyBytes>());
            let back: SmallVec<[u8; 8]> = obj.extract().unwrap();
            assert_eq!(back, v);
            let s = PyString::new(py, "abc");
            let err = s.extract::<SmallVec<[char; 4]>>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "TypeError: Can't extract `str` to `SmallVec`"
            );
        });
    }
}
