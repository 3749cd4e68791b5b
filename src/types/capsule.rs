//! Python capsules ([`PyCapsule`]): opaque Rust/C values passed through Python, e.g. to share
//! a C API between extension modules.

use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_void};
use std::ptr::{self, NonNull};

use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::PyAny;
use crate::{ffi, Bound, PyErr, PyResult, Python};

/// A Python capsule: a Python object holding a pointer (here: to a Rust value), an optional
/// name used to check what the pointer is, and an optional context pointer.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyCapsule;
///
/// #[repr(C)]
/// struct Api {
///     version: u32,
/// }
///
/// Python::attach(|py| -> PyResult<()> {
///     let capsule = PyCapsule::new(py, Api { version: 3 }, Some(c"builtins.doc_api".to_owned()))?;
///     py.import("builtins")?.setattr("doc_api", &capsule)?;
///
///     let api: &Api = unsafe { PyCapsule::import(py, c"builtins.doc_api")? };
///     assert_eq!(api.version, 3);
///     Ok(())
/// })
/// # .unwrap();
/// ```
#[repr(transparent)]
pub struct PyCapsule(PyAny);

crate::pyobject_native_type!(
    PyCapsule,
    "builtins",
    "PyCapsule",
    |_py| unsafe { &raw mut ffi::PyCapsule_Type },
    #checkfunction = ffi::PyCapsule_CheckExact
);

/// Rejects zero-sized capsule values at compile time (a capsule pointer may not be NULL, and
/// a zero-sized allocation gives no distinct pointer).
#[doc(hidden)]
pub trait AssertNotZeroSized: Sized {
    /// Evaluated (and fails to compile) when `Self` is zero-sized.
    const _CHECK: () = assert!(
        std::mem::size_of::<Self>() != 0,
        "PyCapsule value type T must not be zero-sized!"
    );

    /// Forces the evaluation of [`Self::_CHECK`].
    #[inline]
    fn _assert_not_zero_sized(&self) {
        #[allow(clippy::let_unit_value)]
        let _ = Self::_CHECK;
    }
}

impl<T> AssertNotZeroSized for T {}

/// What a capsule created by [`PyCapsule::new_with_destructor`] points to. `value` comes first
/// so that the capsule pointer is also a pointer to the value.
#[repr(C)]
struct CapsuleContents<T: 'static + Send, D: FnOnce(T, *mut c_void) + Send> {
    value: T,
    destructor: D,
    /// Kept alive here: CPython only stores the pointer.
    name: Option<CString>,
}

/// The `PyCapsule_Destructor` of capsules made by this module: frees the contents and runs the
/// user's destructor with the value and the context pointer.
unsafe extern "C" fn capsule_destructor<T: 'static + Send, F: FnOnce(T, *mut c_void) + Send>(
    capsule: *mut ffi::PyObject,
) {
    // SAFETY: called by CPython with one of our capsules, exactly once.
    unsafe {
        let name = ffi::PyCapsule_GetName(capsule);
        let pointer = ffi::PyCapsule_GetPointer(capsule, name);
        let context = ffi::PyCapsule_GetContext(capsule);
        if pointer.is_null() {
            ffi::PyErr_Clear();
            return;
        }
        let contents = Box::from_raw(pointer.cast::<CapsuleContents<T, F>>());
        // The user's destructor must not unwind into CPython. The capsule itself is being
        // destroyed, so the panic is reported without it as context.
        let run = std::panic::AssertUnwindSafe(move || {
            let CapsuleContents {
                value, destructor, ..
            } = *contents;
            destructor(value, context);
        });
        if let Err(payload) = std::panic::catch_unwind(run) {
            let py = crate::Python::assume_attached();
            crate::impl_::trampoline::write_unraisable_panic(py, payload, ptr::null_mut());
        }
    }
}

/// The C pointer for an optional name.
#[inline]
fn name_ptr(name: Option<&CStr>) -> *const c_char {
    name.map_or(ptr::null(), CStr::as_ptr)
}

impl PyCapsule {
    /// Creates a capsule holding `value` (moved to the heap, dropped when the capsule dies).
    ///
    /// `name` should be `"module.attribute"` when the capsule is to be found with
    /// [`PyCapsule::import`].
    pub fn new<T: 'static + Send + AssertNotZeroSized>(
        py: Python<'_>,
        value: T,
        name: Option<CString>,
    ) -> PyResult<Bound<'_, Self>> {
        Self::new_with_destructor(py, value, name, |_, _| {})
    }

    /// Like [`PyCapsule::new`], and calls `destructor` with the value and the capsule's context
    /// pointer when the capsule is destroyed.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyCapsule;
    /// use std::sync::mpsc::channel;
    ///
    /// Python::attach(|py| {
    ///     let (tx, rx) = channel::<String>();
    ///     let capsule = PyCapsule::new_with_destructor(py, String::from("data"), None, move |v, _| {
    ///         tx.send(v).unwrap();
    ///     })
    ///     .unwrap();
    ///     drop(capsule);
    ///     assert_eq!(rx.recv().unwrap(), "data");
    /// });
    /// ```
    pub fn new_with_destructor<
        T: 'static + Send + AssertNotZeroSized,
        F: FnOnce(T, *mut c_void) + Send,
    >(
        py: Python<'_>,
        value: T,
        name: Option<CString>,
        destructor: F,
    ) -> PyResult<Bound<'_, Self>> {
        value._assert_not_zero_sized();
        let name_pointer = name.as_deref().map_or(ptr::null(), CStr::as_ptr);
        let contents = Box::new(CapsuleContents {
            value,
            destructor,
            name,
        });
        let pointer = Box::into_raw(contents);
        // SAFETY: attached; `pointer` is non-null and the name outlives the capsule (it lives
        // in the contents, which are freed by the destructor).
        let capsule = unsafe {
            ffi::PyCapsule_New(
                pointer.cast(),
                name_pointer,
                Some(capsule_destructor::<T, F>),
            )
            .assume_owned_or_err(py)
        };
        match capsule {
            Ok(capsule) => Ok(unsafe { capsule.cast_into_unchecked() }),
            Err(err) => {
                // SAFETY: CPython did not take ownership.
                drop(unsafe { Box::from_raw(pointer) });
                Err(err)
            }
        }
    }

    /// Imports the capsule `"module.attribute"` named `name` and returns a reference to what it
    /// points to.
    ///
    /// # Safety
    /// The capsule's pointer must point to a valid `T` that lives (unmoved, unchanged) at least
    /// as long as `'py`.
    pub unsafe fn import<'py, T>(py: Python<'py>, name: &CStr) -> PyResult<&'py T> {
        // SAFETY: attached.
        let pointer = unsafe { ffi::PyCapsule_Import(name.as_ptr(), 0) };
        if pointer.is_null() {
            Err(PyErr::fetch(py))
        } else {
            // SAFETY: per this function's contract.
            Ok(unsafe { &*pointer.cast::<T>() })
        }
    }
}

/// The name of a capsule: a non-null C string owned by the capsule (or by whoever created it).
#[derive(Clone, Copy)]
pub struct CapsuleName {
    /// Pointer to the name, known to be non-null.
    ptr: NonNull<c_char>,
}

impl CapsuleName {
    /// The name as a `CStr`.
    ///
    /// # Safety
    /// The capsule (and its name) must still be alive and unrenamed for `'a`.
    #[inline]
    pub unsafe fn as_cstr<'a>(self) -> &'a CStr {
        // SAFETY: per the contract; a valid C string.
        unsafe { CStr::from_ptr(self.ptr.as_ptr()) }
    }

    /// The raw name pointer.
    #[inline]
    pub fn as_ptr(self) -> *const c_char {
        self.ptr.as_ptr()
    }
}

impl std::fmt::Debug for CapsuleName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // SAFETY: the name is alive while a `CapsuleName` is used to print it.
        unsafe { self.as_cstr() }.fmt(f)
    }
}

/// Methods of [`PyCapsule`], implemented for `Bound<'py, PyCapsule>`.
///
/// Methods taking a `name: Option<&CStr>` compare it with the capsule's name (`None` matches
/// only a capsule without a name), as the C API does.
pub trait PyCapsuleMethods<'py>: sealed::Sealed {
    /// Sets the context pointer (any data the owner wants to attach).
    fn set_context(&self, context: *mut c_void) -> PyResult<()>;
    /// The context pointer (NULL if never set).
    fn context(&self) -> PyResult<*mut c_void>;
    /// The capsule's pointer, if `name` matches (a `ValueError` otherwise).
    fn pointer_checked(&self, name: Option<&CStr>) -> PyResult<NonNull<c_void>>;
    /// Whether the capsule is valid and its name matches `name`.
    fn is_valid_checked(&self, name: Option<&CStr>) -> bool;
    /// The capsule's name, or `None` if it has none.
    fn name(&self) -> PyResult<Option<CapsuleName>>;

    /// The value the capsule points to, using the capsule's own name (no check).
    ///
    /// # Safety
    /// The pointer must point to a valid `T` that outlives `'py`.
    #[deprecated(
        since = "0.27.0",
        note = "use `pointer_checked` with the expected name"
    )]
    unsafe fn reference<T>(&self) -> &'py T {
        #[allow(deprecated)]
        let pointer = self.pointer();
        // SAFETY: per the contract.
        unsafe { &*pointer.cast::<T>() }
    }

    /// The capsule's pointer, using the capsule's own name (NULL if the capsule is invalid).
    #[deprecated(
        since = "0.27.0",
        note = "use `pointer_checked` with the expected name"
    )]
    fn pointer(&self) -> *mut c_void;

    /// Whether the capsule is valid (checked against its own name).
    #[deprecated(
        since = "0.27.0",
        note = "use `is_valid_checked` with the expected name"
    )]
    fn is_valid(&self) -> bool;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyCapsule> {}
}

/// The capsule's own name pointer, clearing any error (for the unchecked accessors).
fn own_name_ptr(capsule: &Bound<'_, PyCapsule>) -> *const c_char {
    // SAFETY: attached.
    let name = unsafe { ffi::PyCapsule_GetName(capsule.as_ptr()) };
    if name.is_null() {
        // SAFETY: attached.
        unsafe { ffi::PyErr_Clear() };
    }
    name
}

impl<'py> PyCapsuleMethods<'py> for Bound<'py, PyCapsule> {
    #[allow(clippy::not_unsafe_ptr_arg_deref)] // the pointer is only stored, never read
    fn set_context(&self, context: *mut c_void) -> PyResult<()> {
        // SAFETY: attached.
        if unsafe { ffi::PyCapsule_SetContext(self.as_ptr(), context) } != 0 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(())
        }
    }

    fn context(&self) -> PyResult<*mut c_void> {
        // SAFETY: attached.
        let context = unsafe { ffi::PyCapsule_GetContext(self.as_ptr()) };
        if context.is_null() {
            if let Some(err) = PyErr::take(self.py()) {
                return Err(err);
            }
        }
        Ok(context)
    }

    fn pointer_checked(&self, name: Option<&CStr>) -> PyResult<NonNull<c_void>> {
        // SAFETY: attached.
        let pointer = unsafe { ffi::PyCapsule_GetPointer(self.as_ptr(), name_ptr(name)) };
        NonNull::new(pointer).ok_or_else(|| PyErr::fetch(self.py()))
    }

    fn is_valid_checked(&self, name: Option<&CStr>) -> bool {
        // SAFETY: attached; PyCapsule_IsValid never fails.
        unsafe { ffi::PyCapsule_IsValid(self.as_ptr(), name_ptr(name)) != 0 }
    }

    fn name(&self) -> PyResult<Option<CapsuleName>> {
        // SAFETY: attached.
        let name = unsafe { ffi::PyCapsule_GetName(self.as_ptr()) };
        match NonNull::new(name.cast_mut()) {
            Some(ptr) => Ok(Some(CapsuleName { ptr })),
            None => match PyErr::take(self.py()) {
                Some(err) => Err(err),
                None => Ok(None),
            },
        }
    }

    fn pointer(&self) -> *mut c_void {
        // SAFETY: attached.
        let pointer = unsafe { ffi::PyCapsule_GetPointer(self.as_ptr(), own_name_ptr(self)) };
        if pointer.is_null() {
            // SAFETY: attached.
            unsafe { ffi::PyErr_Clear() };
        }
        pointer
    }

    fn is_valid(&self) -> bool {
        // SAFETY: attached; PyCapsule_IsValid never fails.
        unsafe { ffi::PyCapsule_IsValid(self.as_ptr(), own_name_ptr(self)) != 0 }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::PyValueError;
    use crate::types::PyAnyMethods;
    use std::sync::mpsc::channel;

    #[test]
    fn capsule_round_trip() {
        Python::attach(|py| {
            let capsule = PyCapsule::new(py, [7u32, 8], Some(c"unit.cap".to_owned())).unwrap();
            let name = capsule.name().unwrap().unwrap();
            assert_eq!(unsafe { name.as_cstr() }, c"unit.cap");
            let p = capsule.pointer_checked(Some(c"unit.cap")).unwrap();
            assert_eq!(unsafe { *p.cast::<[u32; 2]>().as_ptr() }, [7, 8]);
            let err = capsule.pointer_checked(None).unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py));
            assert!(capsule.is_valid_checked(Some(c"unit.cap")));
            assert!(!capsule.is_valid_checked(Some(c"other")));
            assert!(capsule.context().unwrap().is_null());
            let mut ctx = 5u8;
            capsule.set_context((&raw mut ctx).cast()).unwrap();
            assert_eq!(capsule.context().unwrap(), (&raw mut ctx).cast());
            assert!(capsule.is_instance_of::<PyCapsule>());
        });
    }

    #[test]
    fn destructor_gets_value_and_context() {
        Python::attach(|py| {
            let (tx, rx) = channel::<(String, usize)>();
            let capsule =
                PyCapsule::new_with_destructor(py, String::from("v"), None, move |v, ctx| {
                    tx.send((v, ctx as usize)).unwrap();
                })
                .unwrap();
            assert!(capsule.name().unwrap().is_none());
            capsule.set_context(0x10 as *mut c_void).unwrap();
            drop(capsule);
            assert_eq!(rx.try_recv().unwrap(), ("v".to_owned(), 0x10));
        });
    }
}
