//! Codec registry and error handlers from `codecs.h`.

use crate::PyObject;
use std::ffi::{c_char, c_int};

extern "C" {
    /// Registers a codec search function.
    #[cfg(not(PyPy))]
    pub fn PyCodec_Register(search_function: *mut PyObject) -> c_int;
    /// Unregisters a codec search function.
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyCodec_Unregister(search_function: *mut PyObject) -> c_int;
    /// Returns 1 if a codec is registered for `encoding`, else 0.
    #[cfg(not(PyPy))]
    pub fn PyCodec_KnownEncoding(encoding: *const c_char) -> c_int;
    /// Encodes `object` with the codec registered for `encoding`.
    #[cfg_attr(PyPy, link_name = "PyPyCodec_Encode")]
    pub fn PyCodec_Encode(
        object: *mut PyObject,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Decodes `object` with the codec registered for `encoding`.
    #[cfg_attr(PyPy, link_name = "PyPyCodec_Decode")]
    pub fn PyCodec_Decode(
        object: *mut PyObject,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Returns the encoder function of `encoding`.
    #[cfg_attr(PyPy, link_name = "PyPyCodec_Encoder")]
    pub fn PyCodec_Encoder(encoding: *const c_char) -> *mut PyObject;
    /// Returns the decoder function of `encoding`.
    #[cfg_attr(PyPy, link_name = "PyPyCodec_Decoder")]
    pub fn PyCodec_Decoder(encoding: *const c_char) -> *mut PyObject;
    /// Returns an incremental encoder object for `encoding`.
    #[cfg_attr(PyPy, link_name = "PyPyCodec_IncrementalEncoder")]
    pub fn PyCodec_IncrementalEncoder(
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Returns an incremental decoder object for `encoding`.
    #[cfg_attr(PyPy, link_name = "PyPyCodec_IncrementalDecoder")]
    pub fn PyCodec_IncrementalDecoder(
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Returns a `StreamReader` for `encoding` wrapping `stream`.
    #[cfg(not(PyPy))]
    pub fn PyCodec_StreamReader(
        encoding: *const c_char,
        stream: *mut PyObject,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Returns a `StreamWriter` for `encoding` wrapping `stream`.
    #[cfg(not(PyPy))]
    pub fn PyCodec_StreamWriter(
        encoding: *const c_char,
        stream: *mut PyObject,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Registers an error handler callback under `name`.
    #[cfg(not(PyPy))]
    pub fn PyCodec_RegisterError(name: *const c_char, error: *mut PyObject) -> c_int;
    /// Looks up the error handler registered under `name`.
    #[cfg(not(PyPy))]
    pub fn PyCodec_LookupError(name: *const c_char) -> *mut PyObject;
    /// The `"strict"` error handler.
    #[cfg(not(PyPy))]
    pub fn PyCodec_StrictErrors(exc: *mut PyObject) -> *mut PyObject;
    /// The `"ignore"` error handler.
    #[cfg(not(PyPy))]
    pub fn PyCodec_IgnoreErrors(exc: *mut PyObject) -> *mut PyObject;
    /// The `"replace"` error handler.
    #[cfg(not(PyPy))]
    pub fn PyCodec_ReplaceErrors(exc: *mut PyObject) -> *mut PyObject;
    /// The `"xmlcharrefreplace"` error handler.
    #[cfg(not(PyPy))]
    pub fn PyCodec_XMLCharRefReplaceErrors(exc: *mut PyObject) -> *mut PyObject;
    /// The `"backslashreplace"` error handler.
    #[cfg(not(PyPy))]
    pub fn PyCodec_BackslashReplaceErrors(exc: *mut PyObject) -> *mut PyObject;
    /// The `"namereplace"` error handler.
    #[cfg(not(PyPy))]
    pub fn PyCodec_NameReplaceErrors(exc: *mut PyObject) -> *mut PyObject;
}
