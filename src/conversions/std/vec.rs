//! `Vec<T>` -> Python (a `list`, or `bytes` for `Vec<u8>`). Extraction of `Vec<T>` from any
//! sequence lives with [`PySequence`](crate::types::PySequence).

use crate::conversion::{private, IntoPyObject};
use crate::{Bound, PyAny, PyErr, Python};

impl<'py, T> IntoPyObject<'py> for Vec<T>
where
    T: IntoPyObject<'py>,
{
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr =
        crate::type_hint_subscript!(crate::inspect::hints::LIST, T::OUTPUT_TYPE);
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// A `list` of the converted elements (`bytes` for `Vec<u8>`).
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        T::owned_sequence_into_pyobject(self, py, private::Token)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a Vec<T>
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// A `list` of the converted elements (`bytes` for `&Vec<u8>`).
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.as_slice().into_pyobject(py)
    }
}
