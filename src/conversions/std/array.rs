//! `[T; N]` <-> Python sequences.

use crate::conversion::{private, FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::types::{PyAnyMethods, PySequenceMethods};
use crate::{Borrowed, Bound, PyAny, PyErr, PyResult, Python};

impl<'py, T, const N: usize> IntoPyObject<'py> for [T; N]
where
    T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// A `list` of the converted elements (`bytes` for `[u8; N]`).
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        T::owned_sequence_into_pyobject(self, py, private::Token)
    }
}

impl<'a, 'py, T, const N: usize> IntoPyObject<'py> for &'a [T; N]
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// A `list` of the converted elements (`bytes` for `&[u8; N]`).
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.as_slice().into_pyobject(py)
    }
}

impl<'py, T, const N: usize> FromPyObject<'_, 'py> for [T; N]
where
    T: FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    /// Accepts any sequence of exactly `N` elements (a `ValueError`
    /// "expected a sequence of length N (got M)" otherwise).
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        create_array_from_obj(obj)
    }
}

fn create_array_from_obj<'py, T, const N: usize>(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<[T; N]>
where
    T: FromPyObjectOwned<'py>,
{
    let seq = crate::types::sequence::sequence_protocol(obj)?;
    let seq_len = seq.len()?;
    if seq_len != N {
        return Err(invalid_sequence_length(N, seq_len));
    }
    let mut items = Vec::with_capacity(N);
    for i in 0..N {
        let item = seq.get_item(i)?;
        items.push(T::extract(item.as_borrowed()).map_err(Into::into)?);
    }
    match items.try_into() {
        Ok(array) => Ok(array),
        Err(_) => unreachable!("exactly N elements were extracted"),
    }
}

/// The `ValueError` for a sequence of the wrong length.
fn invalid_sequence_length(expected: usize, actual: usize) -> PyErr {
    PyValueError::new_err(format!(
        "expected a sequence of length {expected} (got {actual})"
    ))
}

#[allow(unused_imports)]
use PyAnyMethods as _;
