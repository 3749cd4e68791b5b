//! `OsStr` / `OsString` <-> Python `str`, and `Path` / `PathBuf` <-> `pathlib.Path` /
//! path-like objects.
//!
//! Non-UTF-8 OS strings round-trip through the file system encoding with the
//! `surrogateescape` handler, as `os.fsdecode` / `os.fsencode` do.

use std::borrow::Cow;
use std::convert::Infallible;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use crate::internal::ptr_ext::FfiPtrExt;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyString};
use crate::{ffi, Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyErr, Python};

impl<'py> IntoPyObject<'py> for &OsStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if let Some(s) = self.to_str() {
            return Ok(PyString::new(py, s));
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let bytes = self.as_bytes();
            // SAFETY: attached; decoding with surrogateescape cannot fail for any bytes.
            Ok(unsafe {
                ffi::PyUnicode_DecodeFSDefaultAndSize(
                    bytes.as_ptr().cast(),
                    bytes.len() as ffi::Py_ssize_t,
                )
                .assume_owned(py)
                .cast_into_unchecked()
            })
        }
        #[cfg(windows)]
        {
            use std::os::windows::ffi::OsStrExt;
            let wide: Vec<u16> = self.encode_wide().collect();
            // SAFETY: attached; the buffer holds `wide.len()` code units.
            Ok(unsafe {
                ffi::PyUnicode_FromWideChar(wide.as_ptr().cast(), wide.len() as ffi::Py_ssize_t)
                    .assume_owned(py)
                    .cast_into_unchecked()
            })
        }
        #[cfg(not(any(unix, windows)))]
        {
            Ok(PyString::new(py, &self.to_string_lossy()))
        }
    }
}

macro_rules! os_str_like_into_pyobject {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;
            #[cfg(feature = "experimental-inspect")]
            const OUTPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                <&OsStr>::into_pyobject(self.as_ref(), py)
            }
        }
    )*};
}

os_str_like_into_pyobject!(
    &&OsStr,
    OsString,
    &OsString,
    Cow<'_, OsStr>,
    &Cow<'_, OsStr>
);

impl FromPyObject<'_, '_> for OsString {
    type Error = PyErr;
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    /// Accepts `str` only; non-UTF-8 content (surrogate escapes) is encoded with the file
    /// system encoding.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let s = obj.cast::<PyString>()?;
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        if let Ok(utf8) = s.to_str() {
            return Ok(OsString::from(utf8));
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            let py = obj.py();
            // SAFETY: attached; the bytes object is alive while we copy from it.
            unsafe {
                let bytes = ffi::PyUnicode_EncodeFSDefault(s.as_ptr()).assume_owned_or_err(py)?;
                let data = ffi::PyBytes_AsString(bytes.as_ptr());
                let len = ffi::PyBytes_Size(bytes.as_ptr()) as usize;
                let vec = std::slice::from_raw_parts(data.cast::<u8>(), len).to_vec();
                Ok(OsString::from_vec(vec))
            }
        }
        #[cfg(not(unix))]
        {
            Ok(OsString::from(s.to_cow()?.into_owned()))
        }
    }
}

/// `pathlib.Path`, the hint of what a path converts to.
#[cfg(feature = "experimental-inspect")]
const PATHLIB_PATH: crate::inspect::PyStaticExpr = crate::type_hint_identifier!("pathlib", "Path");

/// `str | os.PathLike[str]`, the hint of what converts to a path (`os.fspath` may also give
/// `bytes`, which the conversion refuses).
#[cfg(feature = "experimental-inspect")]
const PATH_INPUT: crate::inspect::PyStaticExpr = crate::type_hint_union!(
    crate::inspect::hints::STR,
    crate::type_hint_subscript!(
        crate::type_hint_identifier!("os", "PathLike"),
        crate::inspect::hints::STR
    )
);

/// `pathlib.Path`.
fn pathlib_path(py: Python<'_>) -> Result<&Bound<'_, PyAny>, PyErr> {
    static PATH: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    PATH.import(py, "pathlib", "Path")
}

impl<'py> IntoPyObject<'py> for &Path {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: crate::inspect::PyStaticExpr = PATHLIB_PATH;
    /// Makes a `pathlib.Path`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        pathlib_path(py)?.call1((self.as_os_str(),))
    }
}

macro_rules! path_like_into_pyobject {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;
            #[cfg(feature = "experimental-inspect")]
            const OUTPUT_TYPE: crate::inspect::PyStaticExpr = PATHLIB_PATH;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                <&Path>::into_pyobject(self.as_ref(), py)
            }
        }
    )*};
}

path_like_into_pyobject!(&&Path, PathBuf, &PathBuf, Cow<'_, Path>, &Cow<'_, Path>);

impl FromPyObject<'_, '_> for PathBuf {
    type Error = PyErr;
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = PATH_INPUT;
    /// Accepts `str` and path-like objects (anything `os.fspath` accepts that gives a `str`).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        // SAFETY: attached.
        let path = unsafe { ffi::PyOS_FSPath(obj.as_ptr()).assume_owned_or_err(obj.py())? };
        Ok(PathBuf::from(path.extract::<OsString>()?))
    }
}

impl<'a> FromPyObject<'a, '_> for Cow<'a, OsStr> {
    type Error = PyErr;
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = crate::inspect::hints::STR;
    /// As for [`OsString`] (always owned: the text may need re-encoding).
    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        OsString::extract(obj).map(Cow::Owned)
    }
}

impl<'a> FromPyObject<'a, '_> for Cow<'a, Path> {
    type Error = PyErr;
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: crate::inspect::PyStaticExpr = PATH_INPUT;
    /// As for [`PathBuf`] (always owned).
    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        PathBuf::extract(obj).map(Cow::Owned)
    }
}

#[cfg(all(test, feature = "experimental-inspect"))]
mod inspect_tests {
    use super::*;

    #[test]
    fn type_hints() {
        let input = |h: crate::inspect::PyStaticExpr| h.to_string();
        assert_eq!(input(<OsString as FromPyObject<'_, '_>>::INPUT_TYPE), "str");
        assert_eq!(
            input(<Cow<'_, OsStr> as FromPyObject<'_, '_>>::INPUT_TYPE),
            "str"
        );
        let path = "str | os.PathLike[str]";
        assert_eq!(input(<PathBuf as FromPyObject<'_, '_>>::INPUT_TYPE), path);
        assert_eq!(
            input(<Cow<'_, Path> as FromPyObject<'_, '_>>::INPUT_TYPE),
            path
        );
        assert_eq!(input(<&OsStr as IntoPyObject<'_>>::OUTPUT_TYPE), "str");
        assert_eq!(input(<OsString as IntoPyObject<'_>>::OUTPUT_TYPE), "str");
        assert_eq!(
            input(<&Path as IntoPyObject<'_>>::OUTPUT_TYPE),
            "pathlib.Path"
        );
        assert_eq!(
            input(<PathBuf as IntoPyObject<'_>>::OUTPUT_TYPE),
            "pathlib.Path"
        );
        assert_eq!(
            input(<&Cow<'_, Path> as IntoPyObject<'_>>::OUTPUT_TYPE),
            "pathlib.Path"
        );
    }
}
