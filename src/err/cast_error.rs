//! [`CastError`] and [`CastIntoError`]: a failed type check in `cast` / `extract`.

use std::fmt;

use crate::exceptions::PyTypeError;
use crate::types::PyString;
use crate::types::{PyAnyMethods, PyStringMethods, PyTuple, PyTupleMethods, PyType, PyTypeMethods};
use crate::{Borrowed, Bound, Py, PyAny, PyErr, PyErrArguments, Python};

/// Error that indicates an object was not an instance of a given target type.
///
/// Converts into a Python `TypeError` such as `'str' object is not an instance of 'int'` (for
/// `None`: `'None' is not an instance of 'int'`).
#[derive(Debug)]
pub struct CastError<'a, 'py> {
    from: Borrowed<'a, 'py, PyAny>,
    classinfo: Bound<'py, PyAny>,
}

impl<'a, 'py> CastError<'a, 'py> {
    /// Creates an error for the failure to interpret `from` as an instance of `classinfo`
    /// (anything accepted by `isinstance`: a type, a tuple of types, a union).
    #[inline]
    pub fn new(from: Borrowed<'a, 'py, PyAny>, classinfo: Bound<'py, PyAny>) -> Self {
        CastError { from, classinfo }
    }
}

/// Like [`CastError`], for casts that took ownership of the object; the object can be recovered
/// with [`CastIntoError::into_inner`].
#[derive(Debug)]
pub struct CastIntoError<'py> {
    from: Bound<'py, PyAny>,
    classinfo: Bound<'py, PyAny>,
}

impl<'py> CastIntoError<'py> {
    /// Creates an error for the failure to interpret `from` as an instance of `classinfo`.
    #[inline]
    pub fn new(from: Bound<'py, PyAny>, classinfo: Bound<'py, PyAny>) -> Self {
        CastIntoError { from, classinfo }
    }

    /// Returns the object that failed to cast.
    #[inline]
    pub fn into_inner(self) -> Bound<'py, PyAny> {
        self.from
    }
}

/// Writes the name of `classinfo` as a user would spell it: `int`, `int | str`, ...
fn write_classinfo(f: &mut fmt::Formatter<'_>, classinfo: &Bound<'_, PyAny>) -> fmt::Result {
    if let Ok(ty) = classinfo.cast::<PyType>() {
        match ty.qualname() {
            Ok(name) => f.write_str(&name.to_string_lossy()),
            Err(_) => f.write_str("<unknown>"),
        }
    } else if let Ok(tuple) = classinfo.cast::<PyTuple>() {
        for (i, item) in tuple.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write_classinfo(f, &item)?;
        }
        Ok(())
    } else {
        match classinfo.str() {
            Ok(s) => f.write_str(&s.to_string_lossy()),
            Err(_) => f.write_str("<unknown>"),
        }
    }
}

/// `from_type` is `None` when the object was `None` itself.
fn write_cast_message(
    f: &mut fmt::Formatter<'_>,
    from_type: Option<&Bound<'_, PyType>>,
    classinfo: &Bound<'_, PyAny>,
) -> fmt::Result {
    // `None` is named as itself (`'None' is not ...`), other objects by their type.
    match from_type {
        None => f.write_str("'None' is not an instance of '")?,
        Some(ty) => {
            f.write_str("'")?;
            match ty.qualname() {
                Ok(name) => f.write_str(&name.to_string_lossy())?,
                Err(_) => f.write_str("<unknown>")?,
            }
            f.write_str("' object is not an instance of '")?;
        }
    }
    write_classinfo(f, classinfo)?;
    f.write_str("'")
}

/// The type of `from` for the message (`None` for the `None` object).
fn type_for_message<'py>(from: &Bound<'py, PyAny>) -> Option<Bound<'py, PyType>> {
    (!from.is_none()).then(|| from.get_type())
}

/// The `TypeError`'s argument, formatted only if the error is ever materialized (most failed
/// extractions are discarded, e.g. when trying the variants of an enum or a union).
struct LazyCastMessage {
    from_type: Option<Py<PyType>>,
    classinfo: Py<PyAny>,
}

impl LazyCastMessage {
    fn new(from: &Bound<'_, PyAny>, classinfo: Bound<'_, PyAny>) -> Self {
        LazyCastMessage {
            from_type: type_for_message(from).map(Bound::unbind),
            classinfo: classinfo.unbind(),
        }
    }
}

impl PyErrArguments for LazyCastMessage {
    fn arguments(self, py: Python<'_>) -> Py<PyAny> {
        struct Message<'a, 'py>(Option<&'a Bound<'py, PyType>>, &'a Bound<'py, PyAny>);
        impl fmt::Display for Message<'_, '_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write_cast_message(f, self.0, self.1)
            }
        }
        let from_type = self.from_type.map(|t| t.into_bound(py));
        let classinfo = self.classinfo.into_bound(py);
        let text = Message(from_type.as_ref(), &classinfo).to_string();
        PyString::new(py, &text).into_any().unbind()
    }
}

impl fmt::Display for CastError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_cast_message(f, type_for_message(&self.from).as_ref(), &self.classinfo)
    }
}

impl fmt::Display for CastIntoError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_cast_message(f, type_for_message(&self.from).as_ref(), &self.classinfo)
    }
}

impl std::error::Error for CastError<'_, '_> {}
impl std::error::Error for CastIntoError<'_> {}

impl From<CastError<'_, '_>> for PyErr {
    fn from(err: CastError<'_, '_>) -> PyErr {
        PyTypeError::new_err(LazyCastMessage::new(&err.from, err.classinfo))
    }
}

impl From<CastIntoError<'_>> for PyErr {
    fn from(err: CastIntoError<'_>) -> PyErr {
        PyTypeError::new_err(LazyCastMessage::new(&err.from, err.classinfo))
    }
}
