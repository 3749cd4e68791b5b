//! C API compatibility shims.
//!
//! Several C API functions added in recent CPython versions are safer to use than the older
//! constructs they replace (mostly because they return strong references or distinguish
//! "missing" from "error"). This module provides each of them on every supported Python
//! version: where the interpreter has the function, the item here is a re-export of the real
//! one from the crate root; otherwise it is implemented in Rust on top of older APIs with the
//! documented semantics of the newer function.
//!
//! The items live only in this module (they are not re-exported at the crate root), so use
//! them as `pyo3_ffi::compat::PyDict_GetItemRef` etc.

pub use self::py_3_10::*;
pub use self::py_3_13::*;
pub use self::py_3_14::*;
#[cfg(not(Py_LIMITED_API))]
pub use self::py_3_15::*;
pub use self::py_3_9::*;

/// Functions that exist since CPython 3.9 (some only outside the limited API).
mod py_3_9 {
    pub use crate::PyObject_CallNoArgs;

    #[cfg(not(Py_LIMITED_API))]
    pub use crate::PyObject_CallMethodNoArgs;

    /// Calls the method `name` of `obj` without arguments; returns a new reference or NULL.
    #[cfg(Py_LIMITED_API)]
    #[inline]
    pub unsafe fn PyObject_CallMethodNoArgs(
        obj: *mut crate::PyObject,
        name: *mut crate::PyObject,
    ) -> *mut crate::PyObject {
        crate::PyObject_CallMethodObjArgs(obj, name, std::ptr::null_mut::<crate::PyObject>())
    }
}

/// Functions added in CPython 3.10.
mod py_3_10 {
    #[cfg(Py_3_10)]
    pub use crate::{PyModule_AddObjectRef, Py_NewRef, Py_XNewRef};

    #[cfg(not(Py_3_10))]
    use crate::PyObject;
    #[cfg(not(Py_3_10))]
    use std::ffi::{c_char, c_int};

    /// Takes a new strong reference to `obj` and returns it.
    #[cfg(not(Py_3_10))]
    #[inline]
    pub unsafe fn Py_NewRef(obj: *mut PyObject) -> *mut PyObject {
        crate::Py_INCREF(obj);
        obj
    }

    /// Like [`Py_NewRef`], but `obj` may be NULL.
    #[cfg(not(Py_3_10))]
    #[inline]
    pub unsafe fn Py_XNewRef(obj: *mut PyObject) -> *mut PyObject {
        crate::Py_XINCREF(obj);
        obj
    }

    /// Adds `value` to `module` as attribute `name` without stealing the reference.
    ///
    /// Returns 0 on success and -1 with an exception set on failure. If `value` is NULL an
    /// exception must already be set (otherwise `SystemError` is raised).
    #[cfg(not(Py_3_10))]
    #[inline]
    pub unsafe fn PyModule_AddObjectRef(
        module: *mut PyObject,
        name: *const c_char,
        value: *mut PyObject,
    ) -> c_int {
        if value.is_null() {
            if crate::PyErr_Occurred().is_null() {
                crate::PyErr_SetString(
                    crate::PyExc_SystemError,
                    c"PyModule_AddObjectRef() must be called with an exception raised if value is NULL"
                        .as_ptr(),
                );
            }
            return -1;
        }
        crate::Py_INCREF(value);
        // `PyModule_AddObject` steals `value` only when it succeeds.
        if crate::PyModule_AddObject(module, name, value) < 0 {
            crate::Py_DECREF(value);
            return -1;
        }
        0
    }
}

/// Functions added in CPython 3.13.
mod py_3_13 {
    #[cfg(not(all(Py_3_13, not(Py_LIMITED_API))))]
    use crate::PyObject;
    #[cfg(not(Py_3_13))]
    use crate::Py_ssize_t;
    #[cfg(not(Py_3_13))]
    use std::ffi::c_char;
    #[cfg(not(all(Py_3_13, not(Py_LIMITED_API))))]
    use std::ffi::c_int;

    #[cfg(Py_3_13)]
    pub use crate::{
        PyDict_GetItemRef, PyImport_AddModuleRef, PyList_GetItemRef, PyModule_Add,
        PyObject_GetOptionalAttr, PyObject_HasAttrWithError, PyWeakref_GetRef,
    };
    #[cfg(all(Py_3_13, not(Py_LIMITED_API)))]
    pub use crate::{
        PyDict_SetDefaultRef, PyList_Clear, PyList_Extend, PyThreadState_GetUnchecked,
    };

    /// Looks up `key` in the dict `dp` and stores a new reference in `*result`.
    ///
    /// Returns 1 if found, 0 if missing (`*result` = NULL, no exception) and -1 on error
    /// (`*result` = NULL).
    #[cfg(not(Py_3_13))]
    #[inline]
    pub unsafe fn PyDict_GetItemRef(
        dp: *mut PyObject,
        key: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int {
        let item = crate::PyDict_GetItemWithError(dp, key);
        if item.is_null() {
            *result = std::ptr::null_mut();
            if crate::PyErr_Occurred().is_null() {
                0
            } else {
                -1
            }
        } else {
            *result = super::Py_NewRef(item);
            1
        }
    }

    /// Inserts `default_value` under `key` unless present; stores a new reference to the
    /// value now in the dict in `*result` (if `result` is not NULL).
    ///
    /// Returns 1 if the key was already present, 0 if `default_value` was inserted and -1 on
    /// error.
    #[cfg(not(all(Py_3_13, not(Py_LIMITED_API))))]
    #[inline]
    pub unsafe fn PyDict_SetDefaultRef(
        mp: *mut PyObject,
        key: *mut PyObject,
        default_value: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int {
        let mut found: *mut PyObject = std::ptr::null_mut();
        match PyDict_GetItemRef(mp, key, &mut found) {
            1 => {
                if result.is_null() {
                    crate::Py_DECREF(found);
                } else {
                    *result = found;
                }
                1
            }
            0 => {
                if crate::PyDict_SetItem(mp, key, default_value) < 0 {
                    if !result.is_null() {
                        *result = std::ptr::null_mut();
                    }
                    return -1;
                }
                if !result.is_null() {
                    *result = super::Py_NewRef(default_value);
                }
                0
            }
            _ => {
                if !result.is_null() {
                    *result = std::ptr::null_mut();
                }
                -1
            }
        }
    }

    /// Returns a new reference to `list[index]`, or NULL with `IndexError` / `TypeError`.
    #[cfg(not(Py_3_13))]
    #[inline]
    pub unsafe fn PyList_GetItemRef(list: *mut PyObject, index: Py_ssize_t) -> *mut PyObject {
        super::Py_XNewRef(crate::PyList_GetItem(list, index))
    }

    /// Like `PyImport_AddModule`, but returns a new reference.
    #[cfg(not(Py_3_13))]
    #[inline]
    pub unsafe fn PyImport_AddModuleRef(name: *const c_char) -> *mut PyObject {
        super::Py_XNewRef(crate::PyImport_AddModule(name))
    }

    /// Gets a strong reference to the referent of the weak reference `reference`.
    ///
    /// Returns 1 and sets `*pobj` if the referent is alive, 0 with `*pobj` = NULL if it is
    /// dead, and -1 with an exception set (and `*pobj` = NULL) on error.
    #[cfg(not(Py_3_13))]
    #[inline]
    pub unsafe fn PyWeakref_GetRef(reference: *mut PyObject, pobj: *mut *mut PyObject) -> c_int {
        let obj = crate::PyWeakref_GetObject(reference);
        if obj.is_null() {
            *pobj = std::ptr::null_mut();
            return -1;
        }
        if obj == crate::Py_None() {
            // A dead reference reports `None`; `None` itself cannot be weakly referenced.
            *pobj = std::ptr::null_mut();
            return 0;
        }
        *pobj = super::Py_NewRef(obj);
        1
    }

    /// Like `PyModule_AddObjectRef`, but always steals the reference to `value`.
    #[cfg(not(Py_3_13))]
    #[inline]
    pub unsafe fn PyModule_Add(
        module: *mut PyObject,
        name: *const c_char,
        value: *mut PyObject,
    ) -> c_int {
        let result = super::PyModule_AddObjectRef(module, name, value);
        crate::Py_XDECREF(value);
        result
    }

    /// Looks up attribute `attr_name`, treating `AttributeError` as "missing".
    ///
    /// Returns 1 and a new reference in `*result` if found, 0 with `*result` = NULL if the
    /// attribute does not exist (no exception set), and -1 on other errors.
    #[cfg(not(Py_3_13))]
    #[inline]
    pub unsafe fn PyObject_GetOptionalAttr(
        obj: *mut PyObject,
        attr_name: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int {
        let value = crate::PyObject_GetAttr(obj, attr_name);
        *result = value;
        if !value.is_null() {
            return 1;
        }
        if crate::PyErr_ExceptionMatches(crate::PyExc_AttributeError) != 0 {
            crate::PyErr_Clear();
            return 0;
        }
        -1
    }

    /// Returns 1 if `obj` has the attribute `attr_name`, 0 if not, -1 on error (unlike
    /// `PyObject_HasAttr`, errors other than `AttributeError` are not swallowed).
    #[cfg(not(Py_3_13))]
    #[inline]
    pub unsafe fn PyObject_HasAttrWithError(obj: *mut PyObject, attr_name: *mut PyObject) -> c_int {
        let mut value: *mut PyObject = std::ptr::null_mut();
        let result = PyObject_GetOptionalAttr(obj, attr_name, &mut value);
        crate::Py_XDECREF(value);
        result
    }

    /// Appends the items of `iterable` to `list` (`list.extend(iterable)`).
    #[cfg(not(all(Py_3_13, not(Py_LIMITED_API))))]
    #[inline]
    pub unsafe fn PyList_Extend(list: *mut PyObject, iterable: *mut PyObject) -> c_int {
        crate::PyList_SetSlice(list, crate::PY_SSIZE_T_MAX, crate::PY_SSIZE_T_MAX, iterable)
    }

    /// Removes all items from `list` (`list.clear()`).
    #[cfg(not(all(Py_3_13, not(Py_LIMITED_API))))]
    #[inline]
    pub unsafe fn PyList_Clear(list: *mut PyObject) -> c_int {
        crate::PyList_SetSlice(list, 0, crate::PY_SSIZE_T_MAX, std::ptr::null_mut())
    }

    #[cfg(all(not(Py_3_13), not(Py_LIMITED_API)))]
    extern "C" {
        #[cfg_attr(PyPy, link_name = "_PyPyThreadState_UncheckedGet")]
        fn _PyThreadState_UncheckedGet() -> *mut crate::PyThreadState;
    }

    /// Returns the current thread state, or NULL if there is none (does not abort).
    #[cfg(all(not(Py_3_13), not(Py_LIMITED_API)))]
    #[inline]
    pub unsafe fn PyThreadState_GetUnchecked() -> *mut crate::PyThreadState {
        _PyThreadState_UncheckedGet()
    }
}

/// Functions added in CPython 3.14.
mod py_3_14 {
    #[cfg(all(Py_3_14, not(PyPy)))]
    pub use crate::PyIter_NextItem;
    #[cfg(all(Py_3_14, not(Py_LIMITED_API), not(PyPy)))]
    pub use crate::Py_HashBuffer;

    #[cfg(not(Py_3_14))]
    use crate::PyObject;
    #[cfg(not(all(Py_3_14, not(Py_LIMITED_API))))]
    use crate::Py_ssize_t;
    #[cfg(not(Py_3_14))]
    use std::ffi::c_int;
    #[cfg(not(all(Py_3_14, not(Py_LIMITED_API))))]
    use std::ffi::c_void;

    /// Fetches the next item of the iterator `iter`.
    ///
    /// Returns 1 and a new reference in `*item`, 0 with `*item` = NULL when the iterator is
    /// exhausted, and -1 with an exception set (and `*item` = NULL) on error, including
    /// `TypeError` if `iter` is not an iterator.
    #[cfg(not(Py_3_14))]
    #[inline]
    pub unsafe fn PyIter_NextItem(iter: *mut PyObject, item: *mut *mut PyObject) -> c_int {
        if crate::PyIter_Check(iter) == 0 {
            *item = std::ptr::null_mut();
            crate::PyErr_SetString(crate::PyExc_TypeError, c"expected an iterator".as_ptr());
            return -1;
        }
        let next = crate::PyIter_Next(iter);
        *item = next;
        if !next.is_null() {
            1
        } else if crate::PyErr_Occurred().is_null() {
            0
        } else {
            -1
        }
    }

    #[cfg(all(not(Py_3_14), not(Py_LIMITED_API), not(PyPy)))]
    extern "C" {
        fn _Py_HashBytes(ptr: *const c_void, len: Py_ssize_t) -> crate::Py_hash_t;
    }

    /// Hashes `len` bytes at `ptr` like `hash(bytes)` does; never fails.
    #[cfg(all(not(Py_3_14), not(Py_LIMITED_API), not(PyPy)))]
    #[inline]
    pub unsafe fn Py_HashBuffer(ptr: *const c_void, len: Py_ssize_t) -> crate::Py_hash_t {
        _Py_HashBytes(ptr, len)
    }

    /// Hashes `len` bytes at `ptr` like `hash(bytes)` does.
    ///
    /// Implemented by hashing a temporary `bytes` object; if that object cannot be created the
    /// error is cleared and -1 is returned.
    #[cfg(any(Py_LIMITED_API, PyPy))]
    #[inline]
    pub unsafe fn Py_HashBuffer(ptr: *const c_void, len: Py_ssize_t) -> crate::Py_hash_t {
        let bytes = crate::PyBytes_FromStringAndSize(ptr.cast(), len);
        if bytes.is_null() {
            crate::PyErr_Clear();
            return -1;
        }
        let hash = crate::PyObject_Hash(bytes);
        crate::Py_DECREF(bytes);
        hash
    }
}

/// Functions added in CPython 3.15 (only outside the limited API).
#[cfg(not(Py_LIMITED_API))]
mod py_3_15 {
    #[cfg(Py_3_15)]
    pub use crate::{
        PyBytesWriter, PyBytesWriter_Create, PyBytesWriter_Discard, PyBytesWriter_Finish,
        PyBytesWriter_FinishWithSize, PyBytesWriter_GetData, PyBytesWriter_GetSize,
        PyBytesWriter_Resize,
    };

    #[cfg(not(Py_3_15))]
    pub use self::writer::*;

    #[cfg(not(Py_3_15))]
    mod writer {
        use crate::{PyObject, Py_ssize_t};
        use std::ffi::{c_int, c_void};

        extern "C" {
            #[cfg_attr(PyPy, link_name = "_PyPyBytes_Resize")]
            fn _PyBytes_Resize(bytes: *mut *mut PyObject, newsize: Py_ssize_t) -> c_int;
        }

        /// A builder for `bytes` objects (emulation of the CPython 3.15 API).
        ///
        /// Only use it through the `PyBytesWriter_*` functions; its fields are private.
        #[repr(C)]
        pub struct PyBytesWriter {
            /// Buffer: a not-yet-published `bytes` object of length `capacity`, or NULL while
            /// `capacity` is 0.
            obj: *mut PyObject,
            /// Number of bytes currently in use.
            size: Py_ssize_t,
        }

        /// Returned by `PyBytesWriter_GetData` while the buffer is empty.
        static mut EMPTY: u8 = 0;

        unsafe fn capacity(writer: *mut PyBytesWriter) -> Py_ssize_t {
            let obj = (*writer).obj;
            if obj.is_null() {
                0
            } else {
                crate::PyBytes_Size(obj)
            }
        }

        /// Makes room for at least `needed` bytes, keeping the current content.
        unsafe fn reserve(writer: *mut PyBytesWriter, needed: Py_ssize_t) -> c_int {
            let cap = capacity(writer);
            if needed <= cap {
                return 0;
            }
            // Grow by at least 25% so that repeated small resizes stay amortized O(1).
            let wanted = needed.max(cap.saturating_add(cap / 4));
            if (*writer).obj.is_null() {
                let obj = crate::PyBytes_FromStringAndSize(std::ptr::null(), wanted);
                if obj.is_null() {
                    return -1;
                }
                (*writer).obj = obj;
                0
            } else {
                // On failure `_PyBytes_Resize` releases the object and sets it to NULL.
                let result = _PyBytes_Resize(&mut (*writer).obj, wanted);
                if result < 0 {
                    (*writer).size = 0;
                }
                result
            }
        }

        /// Creates a writer holding `size` uninitialized bytes; NULL with an exception on
        /// error (`ValueError` if `size` is negative).
        #[inline]
        pub unsafe fn PyBytesWriter_Create(size: Py_ssize_t) -> *mut PyBytesWriter {
            if size < 0 {
                crate::PyErr_SetString(crate::PyExc_ValueError, c"size must be >= 0".as_ptr());
                return std::ptr::null_mut();
            }
            let writer =
                crate::PyMem_Malloc(std::mem::size_of::<PyBytesWriter>()).cast::<PyBytesWriter>();
            if writer.is_null() {
                crate::PyErr_NoMemory();
                return std::ptr::null_mut();
            }
            writer.write(PyBytesWriter {
                obj: std::ptr::null_mut(),
                size: 0,
            });
            if size > 0 {
                if reserve(writer, size) < 0 {
                    PyBytesWriter_Discard(writer);
                    return std::ptr::null_mut();
                }
                (*writer).size = size;
            }
            writer
        }

        /// Destroys a writer without creating a `bytes` object; accepts NULL.
        #[inline]
        pub unsafe fn PyBytesWriter_Discard(writer: *mut PyBytesWriter) {
            if writer.is_null() {
                return;
            }
            crate::Py_XDECREF((*writer).obj);
            crate::PyMem_Free(writer.cast());
        }

        /// Turns the writer content into a `bytes` object and destroys the writer (in every
        /// case, also on error).
        #[inline]
        pub unsafe fn PyBytesWriter_Finish(writer: *mut PyBytesWriter) -> *mut PyObject {
            PyBytesWriter_FinishWithSize(writer, (*writer).size)
        }

        /// Like [`PyBytesWriter_Finish`], but keeps only the first `size` bytes.
        #[inline]
        pub unsafe fn PyBytesWriter_FinishWithSize(
            writer: *mut PyBytesWriter,
            size: Py_ssize_t,
        ) -> *mut PyObject {
            if size < 0 || size > (*writer).size {
                PyBytesWriter_Discard(writer);
                crate::PyErr_SetString(crate::PyExc_ValueError, c"invalid size".as_ptr());
                return std::ptr::null_mut();
            }
            let result = if size == 0 {
                crate::PyBytes_FromStringAndSize(std::ptr::null(), 0)
            } else {
                let mut obj = std::mem::replace(&mut (*writer).obj, std::ptr::null_mut());
                if crate::PyBytes_Size(obj) != size && _PyBytes_Resize(&mut obj, size) < 0 {
                    obj = std::ptr::null_mut();
                }
                obj
            };
            PyBytesWriter_Discard(writer);
            result
        }

        /// Returns the start of the writer's buffer (valid until the next resize, finish or
        /// discard).
        #[inline]
        pub unsafe fn PyBytesWriter_GetData(writer: *mut PyBytesWriter) -> *mut c_void {
            let obj = (*writer).obj;
            if obj.is_null() {
                (&raw mut EMPTY).cast()
            } else {
                crate::PyBytes_AsString(obj).cast()
            }
        }

        /// Returns the number of bytes currently in use.
        #[inline]
        pub unsafe fn PyBytesWriter_GetSize(writer: *mut PyBytesWriter) -> Py_ssize_t {
            (*writer).size
        }

        /// Sets the number of bytes in use to `size`, keeping the existing content; new
        /// bytes are uninitialized. Returns 0, or -1 with an exception set.
        #[inline]
        pub unsafe fn PyBytesWriter_Resize(writer: *mut PyBytesWriter, size: Py_ssize_t) -> c_int {
            if size < 0 {
                crate::PyErr_SetString(crate::PyExc_ValueError, c"size must be >= 0".as_ptr());
                return -1;
            }
            if reserve(writer, size) < 0 {
                return -1;
            }
            (*writer).size = size;
            0
        }
    }
}
