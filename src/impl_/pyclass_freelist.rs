//! `#[pyclass(freelist = N)]`: up to `N` deallocated instances of the class are kept and
//! reused by the next allocations, saving the allocator round trip for short-lived objects.
//!
//! Only objects whose type is exactly the class are kept or reused: a Python subclass may be
//! larger. Free-threaded builds allocate normally (the object header there carries per-thread
//! state that a reused block would have to reset).

use std::collections::VecDeque;
use std::ffi::c_void;
use std::sync::Mutex;

use crate::impl_::pyclass::PyClassObject;
use crate::pyclass::PyClass;
use crate::{ffi, Python};

/// The kept allocations of one class, reused oldest first.
pub struct FreeList {
    capacity: usize,
    items: Mutex<VecDeque<usize>>,
}

impl FreeList {
    /// An empty list keeping at most `capacity` objects.
    pub const fn new(capacity: usize) -> Self {
        FreeList {
            capacity,
            items: Mutex::new(VecDeque::new()),
        }
    }

    fn pop(&self) -> Option<*mut ffi::PyObject> {
        let mut items = self.items.lock().unwrap_or_else(|e| e.into_inner());
        items.pop_front().map(|p| p as *mut ffi::PyObject)
    }

    fn push(&self, obj: *mut ffi::PyObject) -> bool {
        let mut items = self.items.lock().unwrap_or_else(|e| e.into_inner());
        if items.len() < self.capacity {
            items.push_back(obj as usize);
            true
        } else {
            false
        }
    }
}

/// Implemented by `#[pyclass(freelist = N)]`.
pub trait PyClassWithFreeList: PyClass {
    /// The class's list.
    fn get_free_list(py: Python<'_>) -> &'static FreeList;
}

/// `tp_alloc` of a class with a free list.
///
/// # Safety
/// Only called by the interpreter, attached.
pub unsafe extern "C" fn freelist_alloc<T: PyClassWithFreeList>(
    subtype: *mut ffi::PyTypeObject,
    nitems: ffi::Py_ssize_t,
) -> *mut ffi::PyObject {
    unsafe {
        let py = Python::assume_attached();
        if !cfg!(Py_GIL_DISABLED) && subtype == T::type_object_raw(py) {
            if let Some(obj) = T::get_free_list(py).pop() {
                // Same state as a fresh `PyType_GenericAlloc`: zeroed, initialised (a new
                // reference to the heap type) and tracked by the collector.
                std::ptr::write_bytes(obj.cast::<u8>(), 0, std::mem::size_of::<PyClassObject<T>>());
                ffi::PyObject_Init(obj, subtype);
                if ffi::PyType_IS_GC(subtype) != 0 {
                    ffi::PyObject_GC_Track(obj.cast());
                }
                return obj;
            }
        }
        ffi::PyType_GenericAlloc(subtype, nitems)
    }
}

/// `tp_free` of a class with a free list.
///
/// # Safety
/// Only called by the interpreter (from `tp_dealloc`), attached, with an untracked object.
pub unsafe extern "C" fn freelist_free<T: PyClassWithFreeList>(obj: *mut c_void) {
    unsafe {
        let py = Python::assume_attached();
        let obj = obj.cast::<ffi::PyObject>();
        let ty = ffi::Py_TYPE(obj);
        if !cfg!(Py_GIL_DISABLED) && ty == T::type_object_raw(py) && T::get_free_list(py).push(obj)
        {
            return;
        }
        if ffi::PyType_IS_GC(ty) != 0 {
            ffi::PyObject_GC_Del(obj.cast());
        } else {
            ffi::PyObject_Free(obj.cast());
        }
    }
}
