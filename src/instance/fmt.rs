//! `Display` (`str()`) and `Debug` (`repr()`) for [`Bound`].

use std::fmt;

use crate::types::{PyAnyMethods, PyString, PyStringMethods, PyTypeMethods};
use crate::{Bound, PyAny, PyResult};

/// Writes the result of `str()`/`repr()`, or `<unprintable T object>` when it failed (the error
/// is reported through `sys.unraisablehook`).
fn write_python_text(
    obj: &Bound<'_, PyAny>,
    text: PyResult<Bound<'_, PyString>>,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    match text {
        Ok(s) => f.write_str(&s.to_string_lossy()),
        Err(err) => {
            err.write_unraisable(obj.py(), Some(obj));
            match obj.get_type().name() {
                Ok(name) => write!(f, "<unprintable {} object>", name.to_string_lossy()),
                Err(_) => f.write_str("<unprintable object>"),
            }
        }
    }
}

impl<T> fmt::Display for Bound<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let any = self.as_any();
        write_python_text(any, any.str(), f)
    }
}

impl<T> fmt::Debug for Bound<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let any = self.as_any();
        write_python_text(any, any.repr(), f)
    }
}
