//! Garbage collector support for `#[pyclass]`: `__traverse__` receives a [`PyVisit`] and
//! reports each Python object it holds; `__clear__` drops them.

use std::ffi::{c_int, c_void};
use std::marker::PhantomData;

use crate::impl_::pyclass::PyClassObject;
use crate::pyclass::PyClass;
use crate::{ffi, Py};

/// The error returned by [`PyVisit::call`]: stop the traversal and report the visitor's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PyTraverseError(pub(crate) c_int);

impl std::fmt::Display for PyTraverseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "traverse visitor returned {}", self.0)
    }
}

impl std::error::Error for PyTraverseError {}

/// The visitor given to `__traverse__`.
#[derive(Clone, Copy)]
pub struct PyVisit<'a> {
    visit: ffi::visitproc,
    arg: *mut c_void,
    _marker: PhantomData<&'a ()>,
}

impl PyVisit<'_> {
    /// Reports one object held by the value (`None` is skipped).
    pub fn call<'b, T, U: 'b>(&self, obj: T) -> Result<(), PyTraverseError>
    where
        T: Into<Option<&'b Py<U>>>,
    {
        match obj.into() {
            Some(obj) => self.visit_ptr(obj.as_ptr()),
            None => Ok(()),
        }
    }

    /// Reports one object given by pointer (which a live reference owns).
    pub(crate) fn visit_ptr(&self, obj: *mut ffi::PyObject) -> Result<(), PyTraverseError> {
        let r = unsafe { (self.visit)(obj, self.arg) };
        if r != 0 {
            return Err(PyTraverseError(r));
        }
        Ok(())
    }
}

/// Runs one level's `__traverse__` unless the value is mutably borrowed (it cannot be read
/// then) or belongs to another thread (`unsendable`). A panic stops the traversal with `-1`.
///
/// # Safety
/// Only called during a traversal of an instance of `T`.
pub unsafe fn traverse<T: PyClass>(
    slf: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
    user: for<'a> fn(&T, PyVisit<'a>) -> Result<(), PyTraverseError>,
) -> c_int {
    let v = PyVisit {
        visit,
        arg,
        _marker: PhantomData,
    };
    unsafe {
        let flag = PyClassObject::<T>::borrow_flag(slf);
        let ok_thread = !T::UNSENDABLE
            || PyClassObject::<T>::contents(slf).thread == Some(std::thread::current().id());
        let tracked = crate::impl_::pyclass::tracks_borrows::<T>();
        if ok_thread && (!tracked || flag.try_borrow()) {
            let value = &*PyClassObject::<T>::value_ptr(slf);
            let r = {
                let _traverse = crate::internal::state::TraverseGuard::new();
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| user(value, v)))
            };
            if tracked {
                flag.release_borrow();
            }
            match r {
                Ok(Ok(())) => {}
                Ok(Err(PyTraverseError(code))) => return code,
                // A panic cannot be reported from a traversal: stop it with an error code.
                Err(_) => return -1,
            }
        }
        0
    }
}

/// `tp_clear` body: calls `__clear__` with a mutable borrow, then clears the instance dict.
///
/// # Safety
/// Only called by the garbage collector.
pub unsafe fn clear<T: PyClass>(
    slf: *mut ffi::PyObject,
    user: for<'py> unsafe fn(crate::Python<'py>, *mut ffi::PyObject) -> crate::PyResult<c_int>,
) -> c_int {
    let data = std::panic::AssertUnwindSafe(slf);
    let r = unsafe {
        crate::impl_::trampoline::trampoline(move |py| {
            let data = data;
            user(py, data.0)
        })
    };
    unsafe {
        let c = &mut *std::ptr::addr_of_mut!((*slf.cast::<PyClassObject<T>>()).contents);
        if !c.dict.is_null() {
            let d = std::mem::replace(&mut c.dict, std::ptr::null_mut());
            ffi::Py_DecRef(d);
        }
        let b = crate::impl_::pyclass::clear_base::<T>(slf);
        if r != 0 {
            r
        } else {
            b
        }
    }
}
