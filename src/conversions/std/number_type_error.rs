//! The `TypeError` of a failed `int` or `float` extraction, made without calling the interpreter
//! when the object's type plainly has no `__index__` (or no `__float__` and no `__index__`).
//!
//! Failed extractions are common on purpose: `#[derive(FromPyObject)]` enums and
//! `extract::<i64>().is_err()` tests try one type after another. Through the C API each
//! failure formats and raises a `TypeError` and fetches it again (about 190 ns), although
//! the caller often drops the error unseen. When the type's slots say the C call would fail,
//! the error is built lazily instead, with the type kept alive: its message is formatted only
//! if the error is raised or displayed, and is the one CPython writes (3.9 to 3.15 word both
//! the same: `_PyNumber_Index` and `PyFloat_AsDouble`).
//!
//! Only on the full CPython API, where the type's `tp_as_number` slots and `tp_name` can be
//! read; and only for names short enough that CPython's precision (`%.200s`, `%.50s`) would
//! not cut them, so that the message is the same byte for byte. Everything else takes the C
//! API path.

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod imp {
    use std::ffi::CStr;

    use crate::exceptions::PyTypeError;
    use crate::types::{PyAny, PyAnyMethods, PyString, PyType};
    use crate::{ffi, Borrowed, Py, PyErr, PyErrArguments, Python};

    /// Which C conversion would have failed, and so which message CPython writes.
    #[derive(Clone, Copy)]
    enum Conversion {
        /// `PyNumber_Index`: `'%.200s' object cannot be interpreted as an integer`.
        Index,
        /// `PyFloat_AsDouble`: `must be real number, not %.50s`.
        Float,
    }

    impl Conversion {
        /// The longest type name CPython's message keeps whole.
        fn max_name_len(self) -> usize {
            match self {
                Conversion::Index => 200,
                Conversion::Float => 50,
            }
        }
    }

    /// The arguments of the lazy `TypeError`: the offending type, kept alive until the message
    /// is written.
    struct NumberTypeError {
        ty: Py<PyType>,
        conversion: Conversion,
    }

    /// `tp_name` of `ty` (UTF-8 in CPython; decoded with replacement as `%s` does).
    ///
    /// # Safety
    /// `ty` must be a live type object.
    unsafe fn type_name<'a>(ty: *mut ffi::PyTypeObject) -> &'a CStr {
        // SAFETY: per the caller's contract; `tp_name` is a NUL-terminated string that lives
        // as long as the type.
        unsafe { CStr::from_ptr((*ty).tp_name) }
    }

    impl PyErrArguments for NumberTypeError {
        fn arguments(self, py: Python<'_>) -> Py<PyAny> {
            // SAFETY: `self.ty` keeps the type alive.
            let name = unsafe { type_name(self.ty.as_ptr().cast()) }.to_string_lossy();
            let message = match self.conversion {
                Conversion::Index => {
                    format!("'{name}' object cannot be interpreted as an integer")
                }
                Conversion::Float => format!("must be real number, not {name}"),
            };
            PyString::new(py, &message).into_any().unbind()
        }
    }

    /// The lazy error for `obj`, if its type's name fits the message unabridged.
    #[cold]
    fn lazy_error(obj: Borrowed<'_, '_, PyAny>, conversion: Conversion) -> Option<PyErr> {
        let ty = obj.get_type();
        // SAFETY: `ty` is a live type object.
        let name_len = unsafe { type_name(ty.as_ptr().cast()) }.to_bytes().len();
        if name_len > conversion.max_name_len() {
            return None;
        }
        let ty = ty.unbind();
        Some(PyTypeError::new_err(NumberTypeError { ty, conversion }))
    }

    /// The `tp_as_number` table of `obj`'s type, or null.
    #[inline]
    fn number_slots(obj: Borrowed<'_, '_, PyAny>) -> *mut ffi::PyNumberMethods {
        // SAFETY: a live object has a live type.
        unsafe { (*ffi::Py_TYPE(obj.as_ptr())).tp_as_number }
    }

    /// The error `PyNumber_Index(obj)` would raise, when the type of `obj` (not an `int`) has
    /// no `__index__`; `None` when the C API has to decide.
    #[inline]
    pub(crate) fn not_an_index(obj: Borrowed<'_, '_, PyAny>) -> Option<PyErr> {
        let slots = number_slots(obj);
        // SAFETY: a non-null `tp_as_number` points to the type's number slots.
        if slots.is_null() || unsafe { (*slots).nb_index }.is_none() {
            lazy_error(obj, Conversion::Index)
        } else {
            None
        }
    }

    /// The error `PyFloat_AsDouble(obj)` would raise, when the type of `obj` (not exactly a
    /// `float`) has neither `__float__` nor `__index__`; `None` when the C API has to decide.
    #[inline]
    pub(crate) fn not_a_float(obj: Borrowed<'_, '_, PyAny>) -> Option<PyErr> {
        let slots = number_slots(obj);
        // SAFETY: a non-null `tp_as_number` points to the type's number slots.
        if slots.is_null() || unsafe { (*slots).nb_float.is_none() && (*slots).nb_index.is_none() }
        {
            lazy_error(obj, Conversion::Float)
        } else {
            None
        }
    }
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
pub(crate) use imp::{not_a_float, not_an_index};

/// Without readable type slots the C API decides every case.
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
#[inline(always)]
pub(crate) fn not_an_index(_obj: crate::Borrowed<'_, '_, crate::PyAny>) -> Option<crate::PyErr> {
    None
}

/// Without readable type slots the C API decides every case.
#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
#[inline(always)]
pub(crate) fn not_a_float(_obj: crate::Borrowed<'_, '_, crate::PyAny>) -> Option<crate::PyErr> {
    None
}

#[cfg(all(test, not(any(Py_LIMITED_API, PyPy, GraalPy))))]
mod tests {
    use super::*;
    use crate::exceptions::PyTypeError;
    use crate::types::{PyAnyMethods, PyDictMethods};
    use crate::Python;

    /// The lazy errors read exactly as the interpreter's own, for a builtin type, a class
    /// defined in Python and a long dotted name; types with the slot are left to the C API.
    #[test]
    fn lazy_errors_match_the_interpreter() {
        Python::attach(|py| {
            let ns = crate::types::PyDict::new(py);
            py.run(
                c"class K: pass\nk = K()\nclass HasIndex:\n    def __index__(self): return 3\nh = HasIndex()\nclass HasFloat:\n    def __float__(self): return 1.5\nf = HasFloat()\nclass L: pass\nL.__name__ = 'x' * 60\nlong = L()\nclass V: pass\nV.__name__ = 'y' * 201\nvery_long = V()\nclass Short: pass\ns = Short()",
                None,
                Some(&ns),
            )
            .unwrap();
            let operator = py.import("operator").unwrap();
            for code in [
                c"'text'", c"b'x'", c"None", c"1.5", c"s", c"k", c"long", c"[1]",
            ] {
                let obj = py.eval(code, None, Some(&ns)).unwrap();
                let ours = not_an_index(obj.as_borrowed()).expect("no __index__");
                let theirs = operator.call_method1("index", (&obj,)).unwrap_err();
                assert!(ours.is_instance_of::<PyTypeError>(py));
                assert_eq!(ours.to_string(), theirs.to_string());
            }
            for code in [c"'text'", c"None", c"s", c"k"] {
                let obj = py.eval(code, None, Some(&ns)).unwrap();
                let ours = not_a_float(obj.as_borrowed()).expect("no __float__");
                let theirs = py
                    .import("math")
                    .unwrap()
                    .call_method1("fabs", (&obj,))
                    .unwrap_err();
                assert_eq!(ours.to_string(), theirs.to_string());
            }
            // With the slot, or with a name CPython would cut, the C API decides.
            for code in [c"h", c"True"] {
                let obj = py.eval(code, None, Some(&ns)).unwrap();
                assert!(not_an_index(obj.as_borrowed()).is_none());
                assert!(not_a_float(obj.as_borrowed()).is_none());
            }
            let long = ns.get_item("long").unwrap().unwrap();
            assert!(not_a_float(long.as_borrowed()).is_none());
            let very_long = ns.get_item("very_long").unwrap().unwrap();
            assert!(not_an_index(very_long.as_borrowed()).is_none());
            let f = ns.get_item("f").unwrap().unwrap();
            assert!(not_a_float(f.as_borrowed()).is_none());
            assert!(not_an_index(f.as_borrowed()).is_some());
        });
    }
}
