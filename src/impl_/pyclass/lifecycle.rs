//! Deallocation and garbage-collector support (`tp_dealloc`, `tp_traverse`, `tp_clear`) of
//! `#[pyclass]` instances, level by level along the inheritance chain.

use super::*;

/// `tp_dealloc` of every `#[pyclass]`.
///
/// # Safety
/// Only called by the interpreter.
pub unsafe extern "C" fn tp_dealloc<T: PyClass>(obj: *mut ffi::PyObject) {
    unsafe {
        let _guard = crate::internal::state::TrampolineGuard::assume();
        let py = Python::assume_attached();
        let ty = ffi::Py_TYPE(obj);
        if ffi::PyType_IS_GC(ty) != 0 {
            ffi::PyObject_GC_UnTrack(obj.cast());
        }
        // Some level of the chain (not necessarily `T`'s) owns the `__weakref__` slot; clear
        // the references before any value is dropped so that none can reach the object.
        if chain_info::<T>().weakref {
            ffi::PyObject_ClearWeakRefs(obj);
        }
        dealloc_level::<T>(py, obj);
    }
}

/// Drops `T`'s level then deallocates the base.
///
/// # Safety
/// `obj` must be an instance of `T` being deallocated.
pub unsafe fn dealloc_level<T: PyClassImpl>(py: Python<'_>, obj: *mut ffi::PyObject) {
    unsafe {
        let contents = &mut (*obj.cast::<PyClassObject<T>>()).contents;
        if !T::UNSENDABLE || contents.thread == Some(std::thread::current().id()) {
            let value = std::panic::AssertUnwindSafe(&mut contents.value);
            if let Err(payload) = std::panic::catch_unwind(move || {
                let value = value;
                ManuallyDrop::drop(value.0);
            }) {
                report_drop_panic(py, obj, payload);
            }
        } else {
            // The value may only be used on its own thread: leak it, and say so.
            let err = crate::exceptions::PyRuntimeError::new_err(format!(
                "{} is unsendable, but is being dropped on another thread",
                std::any::type_name::<T>()
            ));
            crate::impl_::trampoline::write_unraisable_err(py, err, std::ptr::null_mut());
        }
        if !contents.dict.is_null() {
            let d = std::mem::replace(&mut contents.dict, std::ptr::null_mut());
            ffi::Py_DecRef(d);
        }
        <T::BaseType as PyClassBaseType>::dealloc_base(py, obj);
    }
}

/// Reports a panic of a `Drop` through `sys.unraisablehook`, as a `PanicException`.
///
/// The hook gets no context object, as from PyO3. The object being destroyed could not be
/// it anyway: the hook would take a new reference to it (resurrecting it, so that
/// `tp_dealloc` runs a second time) and format its `repr` from a dropped value.
///
/// # Safety
/// Attached; `obj` is the object being deallocated.
unsafe fn report_drop_panic(
    py: Python<'_>,
    obj: *mut ffi::PyObject,
    payload: Box<dyn std::any::Any + Send + 'static>,
) {
    let _ = obj;
    unsafe { crate::impl_::trampoline::write_unraisable_panic(py, payload, std::ptr::null_mut()) }
}

/// The user `__traverse__`s and dicts of `T` and its `#[pyclass]` bases.
///
/// # Safety
/// Only during a traversal of an instance of `T`.
pub unsafe fn traverse_levels<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    unsafe {
        // Base levels first: a non-zero result stops the traversal before this level.
        let r = <T::BaseType as PyClassBaseType>::traverse_levels(obj, visit, arg);
        if r != 0 {
            return r;
        }
        for items in T::items() {
            if let Some(f) = items.traverse {
                let r = f(obj, visit, arg);
                if r != 0 {
                    return r;
                }
            }
        }
        let c = PyClassObject::<T>::contents(obj);
        if !c.dict.is_null() {
            let r = visit(c.dict, arg);
            if r != 0 {
                return r;
            }
        }
        0
    }
}

pub(crate) unsafe extern "C" fn tp_traverse_all<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    unsafe {
        let r = traverse_levels::<T>(obj, visit, arg);
        if r != 0 {
            return r;
        }
        traverse_base_and_type::<T>(obj, visit, arg)
    }
}

/// Visits what the native base holds (its `tp_traverse`) and the object's (heap) type.
///
/// # Safety
/// Only from a `tp_traverse` of an instance of `T`.
pub unsafe fn traverse_base_and_type<T: PyClassImpl>(
    obj: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
) -> c_int {
    unsafe {
        let py = Python::assume_attached();
        let base = <T::BaseType as PyClassBaseType>::native_base_type(py);
        if base != std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) {
            let t = type_slot(base, ffi::Py_tp_traverse);
            if !t.is_null() {
                let t: ffi::traverseproc = std::mem::transmute(t);
                let r = t(obj, visit, arg);
                if r != 0 {
                    return r;
                }
            }
        }
        // Heap type instances own a reference to their type.
        visit(ffi::Py_TYPE(obj).cast(), arg)
    }
}

/// Runs the `tp_clear` of `T`'s base type: a `#[pyclass]` base's (its `__clear__`, its dict,
/// then its own base, and so on down the chain) or the native base's.
///
/// # Safety
/// Only from a `tp_clear` of an instance of `T`.
pub unsafe fn clear_base<T: PyClassImpl>(obj: *mut ffi::PyObject) -> c_int {
    unsafe {
        let py = Python::assume_attached();
        let base = <T::BaseType as PyTypeInfo>::type_object_raw(py);
        if base != std::ptr::addr_of_mut!(ffi::PyBaseObject_Type) {
            let t = type_slot(base, ffi::Py_tp_clear);
            if !t.is_null() {
                let t: ffi::inquiry = std::mem::transmute(t);
                return t(obj);
            }
        }
        0
    }
}

pub(crate) unsafe extern "C" fn tp_clear_dict<T: PyClassImpl>(obj: *mut ffi::PyObject) -> c_int {
    unsafe {
        let c = &mut (*obj.cast::<PyClassObject<T>>()).contents;
        if !c.dict.is_null() {
            let d = std::mem::replace(&mut c.dict, std::ptr::null_mut());
            ffi::Py_DecRef(d);
        }
        clear_base::<T>(obj)
    }
}
