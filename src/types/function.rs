//! [`PyCFunction`] (builtin functions, including Rust closures) and [`PyFunction`] (functions
//! defined in Python).

use std::ffi::{c_int, c_void, CStr};

use crate::impl_::callback::IntoPyCallbackOutput;
use crate::internal::ptr_ext::FfiPtrExt;
use crate::types::{PyAny, PyDict, PyModule, PyModuleMethods, PyTuple};
use crate::{ffi, Borrowed, Bound, PyResult, Python};

/// A builtin function object (`builtin_function_or_method`): a C or Rust function callable from
/// Python.
#[repr(transparent)]
pub struct PyCFunction(PyAny);

crate::pyobject_native_type_core!(PyCFunction, crate::pyobject_native_static_type_object!(ffi::PyCFunction_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyCFunction_Check);

/// Name of the capsules that own the closures of [`PyCFunction::new_closure`].
const CLOSURE_CAPSULE_NAME: &CStr = c"pyo3-closure";

/// What the capsule behind a closure function owns: the method definition (which the function
/// object points to) and the closure itself.
struct ClosureData<F> {
    def: ffi::PyMethodDef,
    closure: F,
}

impl PyCFunction {
    /// Creates a builtin function taking `*args` and `**kwargs` from a C function pointer.
    ///
    /// `fun` receives the module (if `module` is given; NULL otherwise) as its first argument,
    /// then the argument tuple and the keyword dict (NULL if none).
    pub fn new_with_keywords<'py>(
        py: Python<'py>,
        fun: ffi::PyCFunctionWithKeywords,
        name: &'static CStr,
        doc: &'static CStr,
        module: Option<&Bound<'py, PyModule>>,
    ) -> PyResult<Bound<'py, Self>> {
        let def = ffi::PyMethodDef {
            ml_name: name.as_ptr(),
            ml_meth: ffi::PyMethodDefPointer {
                PyCFunctionWithKeywords: fun,
            },
            ml_flags: ffi::METH_VARARGS | ffi::METH_KEYWORDS,
            ml_doc: doc.as_ptr(),
        };
        Self::from_static_def(py, def, module)
    }

    /// Creates a builtin function that takes no arguments (`METH_NOARGS`) from a C function
    /// pointer; `fun` receives the module (or NULL) and a NULL second argument.
    pub fn new<'py>(
        py: Python<'py>,
        fun: ffi::PyCFunction,
        name: &'static CStr,
        doc: &'static CStr,
        module: Option<&Bound<'py, PyModule>>,
    ) -> PyResult<Bound<'py, Self>> {
        let def = ffi::PyMethodDef {
            ml_name: name.as_ptr(),
            ml_meth: ffi::PyMethodDefPointer { PyCFunction: fun },
            ml_flags: ffi::METH_NOARGS,
            ml_doc: doc.as_ptr(),
        };
        Self::from_static_def(py, def, module)
    }

    /// Creates a builtin function from a Rust closure, called with the positional arguments
    /// and the keyword arguments (if any).
    ///
    /// The closure is owned by the function object and dropped when the function is
    /// destroyed. `name` defaults to `"pyo3-closure"` and `doc` to an empty docstring.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyCFunction, PyDict, PyTuple};
    ///
    /// # Python::initialize();
    /// Python::attach(|py| -> PyResult<()> {
    ///     let add = |args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>| -> PyResult<i64> {
    ///         let (a, b): (i64, i64) = args.extract()?;
    ///         Ok(a + b)
    ///     };
    ///     let f = PyCFunction::new_closure(py, Some(c"add"), None, add)?;
    ///     assert_eq!(f.call1((1, 2))?.extract::<i64>()?, 3);
    ///     Ok(())
    /// })
    /// # .unwrap();
    /// ```
    pub fn new_closure<'py, F, R>(
        py: Python<'py>,
        name: Option<&'static CStr>,
        doc: Option<&'static CStr>,
        closure: F,
    ) -> PyResult<Bound<'py, Self>>
    where
        F: Fn(&Bound<'_, PyTuple>, Option<&Bound<'_, PyDict>>) -> R + Send + Sync + 'static,
        for<'p> R: IntoPyCallbackOutput<'p, *mut ffi::PyObject>,
    {
        let data = Box::new(ClosureData {
            def: ffi::PyMethodDef {
                ml_name: name.unwrap_or(c"pyo3-closure").as_ptr(),
                ml_meth: ffi::PyMethodDefPointer {
                    PyCFunctionWithKeywords: run_closure::<F, R>,
                },
                ml_flags: ffi::METH_VARARGS | ffi::METH_KEYWORDS,
                ml_doc: doc.unwrap_or(c"").as_ptr(),
            },
            closure,
        });
        let data = Box::into_raw(data);
        // SAFETY: attached; on failure the capsule did not take ownership, so we free the box.
        unsafe {
            let capsule = match ffi::PyCapsule_New(
                data.cast::<c_void>(),
                CLOSURE_CAPSULE_NAME.as_ptr(),
                Some(drop_closure::<F>),
            )
            .assume_owned_or_err(py)
            {
                Ok(capsule) => capsule,
                Err(e) => {
                    drop(Box::from_raw(data));
                    return Err(e);
                }
            };
            // The def lives inside the capsule, which the function keeps alive as its `self`.
            ffi::PyCFunction_NewEx(&raw mut (*data).def, capsule.as_ptr(), std::ptr::null_mut())
                .assume_owned_or_err(py)
                .map(|f| f.cast_into_unchecked())
        }
    }

    fn from_static_def<'py>(
        py: Python<'py>,
        def: ffi::PyMethodDef,
        module: Option<&Bound<'py, PyModule>>,
    ) -> PyResult<Bound<'py, Self>> {
        let (slf, module_name) = match module {
            Some(m) => (m.as_ptr(), Some(m.name()?)),
            None => (std::ptr::null_mut(), None),
        };
        let def = interned_def(def);
        let module_name_ptr = module_name
            .as_ref()
            .map_or(std::ptr::null_mut(), |n| n.as_ptr());
        // SAFETY: attached; `def` is 'static; `slf` and the name are valid or NULL.
        unsafe {
            ffi::PyCFunction_NewEx(std::ptr::from_ref(def).cast_mut(), slf, module_name_ptr)
                .assume_owned_or_err(py)
                .map(|f| f.cast_into_unchecked())
        }
    }
}

/// The function object refers to its definition for its whole life, which may be the life of
/// the program, so the definition must be 'static. Definitions are interned (they are built
/// from a C function pointer, flags and 'static strings): creating the same function again
/// reuses its definition, so memory stays bounded however often a function is created, and
/// the definitions stay reachable from a static (leak checkers do not report them).
fn interned_def(def: ffi::PyMethodDef) -> &'static ffi::PyMethodDef {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    // Key: the function pointer, the flags, the name and the doc, as addresses.
    type Key = (usize, c_int, usize, usize);
    struct Defs(HashMap<Key, &'static ffi::PyMethodDef>);
    // SAFETY: the definitions are never written after creation; their pointers are to
    // 'static strings and a function, all of which may be shared between threads.
    unsafe impl Send for Defs {}
    static DEFS: OnceLock<Mutex<Defs>> = OnceLock::new();

    // SAFETY: every variant of the union is a function pointer of the same size; the key only
    // needs its address.
    let meth = unsafe { def.ml_meth.PyCFunction } as usize;
    let key = (
        meth,
        def.ml_flags,
        def.ml_name as usize,
        def.ml_doc as usize,
    );
    let mut defs = DEFS
        .get_or_init(|| Mutex::new(Defs(HashMap::new())))
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    defs.0
        .entry(key)
        .or_insert_with(|| Box::leak(Box::new(def)))
}

unsafe extern "C" fn run_closure<F, R>(
    capsule: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject
where
    F: Fn(&Bound<'_, PyTuple>, Option<&Bound<'_, PyDict>>) -> R + Send + Sync + 'static,
    for<'p> R: IntoPyCallbackOutput<'p, *mut ffi::PyObject>,
{
    let raw = std::panic::AssertUnwindSafe((capsule, args, kwargs));
    // SAFETY: called by the interpreter, attached, with the capsule created in `new_closure`.
    unsafe {
        crate::impl_::trampoline::trampoline(move |py| {
            let raw = raw;
            let (capsule, args, kwargs) = raw.0;
            let data = ffi::PyCapsule_GetPointer(capsule, CLOSURE_CAPSULE_NAME.as_ptr())
                .cast::<ClosureData<F>>();
            if data.is_null() {
                return Err(crate::PyErr::fetch(py));
            }
            let args = Borrowed::from_ptr(py, args).cast_unchecked::<PyTuple>();
            let kwargs =
                Borrowed::from_ptr_or_opt(py, kwargs).map(|k| k.cast_unchecked::<PyDict>());
            let result = ((*data).closure)(&args, kwargs.as_deref());
            result.convert(py)
        })
    }
}

unsafe extern "C" fn drop_closure<F>(capsule: *mut ffi::PyObject) {
    // SAFETY: the capsule was created in `new_closure` with a `Box<ClosureData<F>>`; this is its
    // destructor, run once, attached.
    unsafe {
        let data = ffi::PyCapsule_GetPointer(capsule, CLOSURE_CAPSULE_NAME.as_ptr());
        if data.is_null() {
            ffi::PyErr_Clear();
            return;
        }
        let data = Box::from_raw(data.cast::<ClosureData<F>>());
        // A panicking destructor must not unwind into C; it is reported as unraisable (without
        // the capsule, which is being destroyed, as context).
        if let Err(payload) =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(data)))
        {
            let py = crate::Python::assume_attached();
            crate::impl_::trampoline::write_unraisable_panic(py, payload, std::ptr::null_mut());
        }
    }
}

/// A function defined in Python (`types.FunctionType`). With the limited API the type is
/// looked up in the `types` module (instances are still checked by their type).
#[cfg(not(PyPy))]
#[repr(transparent)]
pub struct PyFunction(PyAny);

#[cfg(all(Py_LIMITED_API, not(PyPy)))]
crate::pyobject_native_type_core!(
    PyFunction,
    |py: Python<'_>| {
        use crate::types::PyTypeMethods;
        static TYPE: crate::sync::PyOnceLock<crate::Py<crate::types::PyType>> =
            crate::sync::PyOnceLock::new();
        TYPE.import(py, "types", "FunctionType")
            .expect("failed to import types.FunctionType")
            .as_type_ptr()
    },
    #module = ::std::option::Option::Some("builtins")
);

#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_native_type_core!(PyFunction, crate::pyobject_native_static_type_object!(ffi::PyFunction_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyFunction_Check);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::PyAnyMethods;

    #[test]
    fn closure_is_builtin_function() {
        Python::attach(|py| {
            let f = PyCFunction::new_closure(py, None, None, |_args, _kwargs| 7_i64).unwrap();
            assert!(f.is_instance_of::<PyCFunction>());
            assert_eq!(
                f.getattr("__name__")
                    .unwrap()
                    .extract::<crate::Bound<'_, crate::types::PyString>>()
                    .unwrap(),
                "pyo3-closure"
            );
        });
    }

    #[cfg(not(PyPy))]
    #[test]
    fn python_function_type() {
        Python::attach(|py| {
            let f = py.eval(c"lambda x: x", None, None).unwrap();
            assert!(f.is_instance_of::<PyFunction>());
            let len = py.eval(c"len", None, None).unwrap();
            assert!(!len.is_instance_of::<PyFunction>());
            assert!(len.is_instance_of::<PyCFunction>());
        });
    }

    /// Creating the same builtin function again reuses its definition (memory stays bounded);
    /// another name, doc or flag set gets its own.
    #[test]
    fn definitions_are_interned() {
        unsafe extern "C" fn noargs(
            _slf: *mut ffi::PyObject,
            _args: *mut ffi::PyObject,
        ) -> *mut ffi::PyObject {
            std::ptr::null_mut()
        }
        let def = |name: &'static CStr, flags| ffi::PyMethodDef {
            ml_name: name.as_ptr(),
            ml_meth: ffi::PyMethodDefPointer {
                PyCFunction: noargs,
            },
            ml_flags: flags,
            ml_doc: c"".as_ptr(),
        };
        let a = interned_def(def(c"interned_a", ffi::METH_NOARGS));
        let again = interned_def(def(c"interned_a", ffi::METH_NOARGS));
        let other_name = interned_def(def(c"interned_b", ffi::METH_NOARGS));
        let other_flags = interned_def(def(c"interned_a", ffi::METH_O));
        assert!(std::ptr::eq(a, again));
        assert!(!std::ptr::eq(a, other_name));
        assert!(!std::ptr::eq(a, other_flags));
        assert_eq!(other_flags.ml_flags, ffi::METH_O);
        Python::attach(|py| {
            let f = PyCFunction::new(py, noargs, c"interned_c", c"", None).unwrap();
            let g = PyCFunction::new(py, noargs, c"interned_c", c"", None).unwrap();
            assert!(!f.is(&g));
            assert_eq!(f.getattr("__name__").unwrap().to_string(), "interned_c");
        });
    }
}
