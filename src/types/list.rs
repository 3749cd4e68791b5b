//! [`PyList`]: Python `list` objects (type information and construction helper; the list
//! methods come with the list work).

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Bound, PyResult, Python};

/// A Python `list` object.
#[repr(transparent)]
pub struct PyList(PyAny);

crate::pyobject_native_type!(
    PyList,
    "builtins",
    "list",
    |_py| unsafe { &raw mut ffi::PyList_Type },
    #checkfunction = ffi::PyList_Check
);

/// Builds a list from an exact-size iterator of fallible elements.
///
/// # Panics
/// If the iterator's reported length is wrong.
pub(crate) fn try_new_from_iter<'py>(
    py: Python<'py>,
    mut elements: impl ExactSizeIterator<Item = PyResult<Bound<'py, PyAny>>>,
) -> PyResult<Bound<'py, PyList>> {
    let len = elements.len();
    // SAFETY: attached; every slot is filled below before the list is used.
    let list = unsafe {
        ffi::PyList_New(len as ffi::Py_ssize_t)
            .assume_owned(py)
            .cast_into_unchecked::<PyList>()
    };
    let mut count = 0;
    for (i, element) in (&mut elements).take(len).enumerate() {
        let obj = element?;
        // SAFETY: index in range; PyList_SetItem steals the reference into an empty slot.
        unsafe { ffi::PyList_SetItem(list.as_ptr(), i as ffi::Py_ssize_t, obj.into_ptr()) };
        count += 1;
    }
    assert!(
        elements.next().is_none() && count == len,
        "ExactSizeIterator reported an incorrect length"
    );
    Ok(list)
}
