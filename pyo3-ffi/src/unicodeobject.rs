//! Unicode string (`str`) objects: declarations from `Include/unicodeobject.h`.
//!
//! The object layout and the fast inline accessors (`PyUnicode_DATA`, `PyUnicode_KIND`, ...)
//! are not part of the limited API; see `cpython/unicodeobject.rs`.

use crate::{PyObject, PyTypeObject, Py_ssize_t};
use libc::wchar_t;
use std::ffi::{c_char, c_int, c_void};

/// A UCS-4 code unit (any Unicode code point).
pub type Py_UCS4 = u32;
/// A UCS-2 code unit.
pub type Py_UCS2 = u16;
/// A UCS-1 (Latin-1) code unit.
pub type Py_UCS1 = u8;

extern "C" {
    /// The `str` type object.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Type")]
    pub static mut PyUnicode_Type: PyTypeObject;
    /// The type of `str` iterators.
    #[cfg(not(PyPy))]
    pub static mut PyUnicodeIter_Type: PyTypeObject;
}

/// Return true if `op` is a `str` or an instance of a subtype of `str`.
#[inline]
pub unsafe fn PyUnicode_Check(op: *mut PyObject) -> c_int {
    crate::PyType_FastSubclass(crate::Py_TYPE(op), crate::Py_TPFLAGS_UNICODE_SUBCLASS)
}

/// Return true if `op` is exactly a `str` (not a subtype).
#[inline]
pub unsafe fn PyUnicode_CheckExact(op: *mut PyObject) -> c_int {
    crate::Py_IS_TYPE(op, &raw mut PyUnicode_Type)
}

/// U+FFFD, the code point used to replace undecodable input.
pub const Py_UNICODE_REPLACEMENT_CHARACTER: Py_UCS4 = 0xFFFD;

extern "C" {
    /// Create a `str` from UTF-8 data of `size` bytes (`u` may be NULL only in old versions).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromStringAndSize")]
    pub fn PyUnicode_FromStringAndSize(u: *const c_char, size: Py_ssize_t) -> *mut PyObject;
    /// Create a `str` from a NUL-terminated UTF-8 string.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromString")]
    pub fn PyUnicode_FromString(u: *const c_char) -> *mut PyObject;
    /// Return `str[start:end]`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Substring")]
    pub fn PyUnicode_Substring(
        str: *mut PyObject,
        start: Py_ssize_t,
        end: Py_ssize_t,
    ) -> *mut PyObject;
    /// Copy the string into a UCS-4 buffer of `buflen` code points.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUCS4")]
    pub fn PyUnicode_AsUCS4(
        unicode: *mut PyObject,
        buffer: *mut Py_UCS4,
        buflen: Py_ssize_t,
        copy_null: c_int,
    ) -> *mut Py_UCS4;
    /// Copy the string into a new `PyMem_Malloc`ed, NUL-terminated UCS-4 buffer.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUCS4Copy")]
    pub fn PyUnicode_AsUCS4Copy(unicode: *mut PyObject) -> *mut Py_UCS4;
    /// Return the length of the string in code points.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_GetLength")]
    pub fn PyUnicode_GetLength(unicode: *mut PyObject) -> Py_ssize_t;
    /// Deprecated: length of the `Py_UNICODE` (wchar_t) representation (removed in 3.12).
    #[cfg(not(Py_3_12))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_GetSize")]
    pub fn PyUnicode_GetSize(unicode: *mut PyObject) -> Py_ssize_t;
    /// Read the code point at `index`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_ReadChar")]
    pub fn PyUnicode_ReadChar(unicode: *mut PyObject, index: Py_ssize_t) -> Py_UCS4;
    /// Write a code point at `index` of a string that has not been shared yet.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_WriteChar")]
    pub fn PyUnicode_WriteChar(
        unicode: *mut PyObject,
        index: Py_ssize_t,
        character: Py_UCS4,
    ) -> c_int;
    /// Resize a string that has not been shared yet; `*unicode` may be replaced.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Resize")]
    pub fn PyUnicode_Resize(unicode: *mut *mut PyObject, length: Py_ssize_t) -> c_int;
    /// Decode an encoded object (bytes or buffer) to a `str`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromEncodedObject")]
    pub fn PyUnicode_FromEncodedObject(
        obj: *mut PyObject,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Return `obj` as an exact `str` (a copy for subclasses).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromObject")]
    pub fn PyUnicode_FromObject(obj: *mut PyObject) -> *mut PyObject;
    /// Create a `str` from a `printf`-style format string.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromFormat")]
    pub fn PyUnicode_FromFormat(format: *const c_char, ...) -> *mut PyObject;
    /// Intern the string `*p` in place (may replace it with the interned object).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_InternInPlace")]
    pub fn PyUnicode_InternInPlace(p: *mut *mut PyObject);
    /// Deprecated: intern `*p` and make it immortal (removed in 3.12).
    #[cfg(not(Py_3_12))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_InternImmortal(p: *mut *mut PyObject);
    /// Create an interned `str` from a NUL-terminated UTF-8 string.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_InternFromString")]
    pub fn PyUnicode_InternFromString(u: *const c_char) -> *mut PyObject;
    /// Create a `str` from a `wchar_t` buffer (`size == -1`: NUL-terminated).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromWideChar")]
    pub fn PyUnicode_FromWideChar(w: *const wchar_t, size: Py_ssize_t) -> *mut PyObject;
    /// Copy the string into a `wchar_t` buffer of `size` units.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsWideChar")]
    pub fn PyUnicode_AsWideChar(
        unicode: *mut PyObject,
        w: *mut wchar_t,
        size: Py_ssize_t,
    ) -> Py_ssize_t;
    /// Copy the string into a new `PyMem_Malloc`ed, NUL-terminated `wchar_t` buffer.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsWideCharString")]
    pub fn PyUnicode_AsWideCharString(
        unicode: *mut PyObject,
        size: *mut Py_ssize_t,
    ) -> *mut wchar_t;
    /// Return a one-character `str` for the code point `ordinal`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromOrdinal")]
    pub fn PyUnicode_FromOrdinal(ordinal: c_int) -> *mut PyObject;
    /// Name of the default encoding (`"utf-8"`).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_GetDefaultEncoding")]
    pub fn PyUnicode_GetDefaultEncoding() -> *const c_char;
    /// Decode `size` bytes with the given codec.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Decode")]
    pub fn PyUnicode_Decode(
        s: *const c_char,
        size: Py_ssize_t,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: decode a `str` through a codec, returning any object.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_AsDecodedObject(
        unicode: *mut PyObject,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: decode a `str` through a codec, returning a `str`.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_AsDecodedUnicode(
        unicode: *mut PyObject,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: encode a `str` through a codec, returning any object.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsEncodedObject")]
    pub fn PyUnicode_AsEncodedObject(
        unicode: *mut PyObject,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Encode a `str` with the given codec, returning `bytes`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsEncodedString")]
    pub fn PyUnicode_AsEncodedString(
        unicode: *mut PyObject,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: encode a `str` through a codec, returning a `str`.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_AsEncodedUnicode(
        unicode: *mut PyObject,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Build a fast encoding map for `charmap` encoding from a 256-character string.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_BuildEncodingMap(string: *mut PyObject) -> *mut PyObject;
    /// Decode UTF-7 data.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_DecodeUTF7(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Decode UTF-7 data, stopping before an incomplete trailing sequence.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_DecodeUTF7Stateful(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
        consumed: *mut Py_ssize_t,
    ) -> *mut PyObject;
    /// Decode UTF-8 data.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeUTF8")]
    pub fn PyUnicode_DecodeUTF8(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Decode UTF-8 data, stopping before an incomplete trailing sequence.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_DecodeUTF8Stateful(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
        consumed: *mut Py_ssize_t,
    ) -> *mut PyObject;
    /// Encode a `str` as UTF-8 `bytes`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUTF8String")]
    pub fn PyUnicode_AsUTF8String(unicode: *mut PyObject) -> *mut PyObject;
    /// Return the cached UTF-8 representation and its size in bytes (limited API from 3.10).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUTF8AndSize")]
    pub fn PyUnicode_AsUTF8AndSize(unicode: *mut PyObject, size: *mut Py_ssize_t) -> *const c_char;
    /// Decode UTF-32 data; `*byteorder` selects/receives the byte order.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeUTF32")]
    pub fn PyUnicode_DecodeUTF32(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
        byteorder: *mut c_int,
    ) -> *mut PyObject;
    /// Decode UTF-32 data, stopping before an incomplete trailing sequence.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_DecodeUTF32Stateful(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
        byteorder: *mut c_int,
        consumed: *mut Py_ssize_t,
    ) -> *mut PyObject;
    /// Encode a `str` as UTF-32 (native order, with BOM).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUTF32String")]
    pub fn PyUnicode_AsUTF32String(unicode: *mut PyObject) -> *mut PyObject;
    /// Decode UTF-16 data; `*byteorder` selects/receives the byte order.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeUTF16")]
    pub fn PyUnicode_DecodeUTF16(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
        byteorder: *mut c_int,
    ) -> *mut PyObject;
    /// Decode UTF-16 data, stopping before an incomplete trailing sequence.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_DecodeUTF16Stateful(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
        byteorder: *mut c_int,
        consumed: *mut Py_ssize_t,
    ) -> *mut PyObject;
    /// Encode a `str` as UTF-16 (native order, with BOM).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUTF16String")]
    pub fn PyUnicode_AsUTF16String(unicode: *mut PyObject) -> *mut PyObject;
    /// Decode data in the `unicode_escape` codec.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_DecodeUnicodeEscape(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Encode a `str` with the `unicode_escape` codec.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUnicodeEscapeString")]
    pub fn PyUnicode_AsUnicodeEscapeString(unicode: *mut PyObject) -> *mut PyObject;
    /// Decode data in the `raw_unicode_escape` codec.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeRawUnicodeEscape")]
    pub fn PyUnicode_DecodeRawUnicodeEscape(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Encode a `str` with the `raw_unicode_escape` codec.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsRawUnicodeEscapeString")]
    pub fn PyUnicode_AsRawUnicodeEscapeString(unicode: *mut PyObject) -> *mut PyObject;
    /// Decode Latin-1 data.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeLatin1")]
    pub fn PyUnicode_DecodeLatin1(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Encode a `str` as Latin-1 `bytes`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsLatin1String")]
    pub fn PyUnicode_AsLatin1String(unicode: *mut PyObject) -> *mut PyObject;
    /// Decode ASCII data.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeASCII")]
    pub fn PyUnicode_DecodeASCII(
        string: *const c_char,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Encode a `str` as ASCII `bytes`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsASCIIString")]
    pub fn PyUnicode_AsASCIIString(unicode: *mut PyObject) -> *mut PyObject;
    /// Decode data through a character mapping (`NULL` mapping: Latin-1).
    #[cfg(not(PyPy))]
    pub fn PyUnicode_DecodeCharmap(
        string: *const c_char,
        length: Py_ssize_t,
        mapping: *mut PyObject,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Encode a `str` through a character mapping.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_AsCharmapString(
        unicode: *mut PyObject,
        mapping: *mut PyObject,
    ) -> *mut PyObject;
    /// Decode data in the current locale encoding (`surrogateescape` or `strict` errors).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeLocaleAndSize")]
    pub fn PyUnicode_DecodeLocaleAndSize(
        str: *const c_char,
        len: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Decode a NUL-terminated string in the current locale encoding.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeLocale")]
    pub fn PyUnicode_DecodeLocale(str: *const c_char, errors: *const c_char) -> *mut PyObject;
    /// Encode a `str` in the current locale encoding.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeLocale")]
    pub fn PyUnicode_EncodeLocale(unicode: *mut PyObject, errors: *const c_char) -> *mut PyObject;
    /// `O&` converter: encode a path-like object to `bytes` with the filesystem encoding.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FSConverter")]
    pub fn PyUnicode_FSConverter(obj: *mut PyObject, result: *mut c_void) -> c_int;
    /// `O&` converter: decode a path-like object to `str` with the filesystem encoding.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FSDecoder")]
    pub fn PyUnicode_FSDecoder(obj: *mut PyObject, result: *mut c_void) -> c_int;
    /// Decode a NUL-terminated string with the filesystem encoding.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeFSDefault")]
    pub fn PyUnicode_DecodeFSDefault(s: *const c_char) -> *mut PyObject;
    /// Decode `size` bytes with the filesystem encoding.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_DecodeFSDefaultAndSize")]
    pub fn PyUnicode_DecodeFSDefaultAndSize(s: *const c_char, size: Py_ssize_t) -> *mut PyObject;
    /// Encode a `str` with the filesystem encoding.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeFSDefault")]
    pub fn PyUnicode_EncodeFSDefault(unicode: *mut PyObject) -> *mut PyObject;
    /// Return `left + right`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Concat")]
    pub fn PyUnicode_Concat(left: *mut PyObject, right: *mut PyObject) -> *mut PyObject;
    /// `*pleft += right`; steals nothing, sets `*pleft` to NULL on error.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Append")]
    pub fn PyUnicode_Append(pleft: *mut *mut PyObject, right: *mut PyObject);
    /// Like [`PyUnicode_Append`], then decrefs `right`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AppendAndDel")]
    pub fn PyUnicode_AppendAndDel(pleft: *mut *mut PyObject, right: *mut PyObject);
    /// `s.split(sep, maxsplit)`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Split")]
    pub fn PyUnicode_Split(
        s: *mut PyObject,
        sep: *mut PyObject,
        maxsplit: Py_ssize_t,
    ) -> *mut PyObject;
    /// `s.splitlines(keepends)`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Splitlines")]
    pub fn PyUnicode_Splitlines(s: *mut PyObject, keepends: c_int) -> *mut PyObject;
    /// `s.partition(sep)`.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_Partition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject;
    /// `s.rpartition(sep)`.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_RPartition(s: *mut PyObject, sep: *mut PyObject) -> *mut PyObject;
    /// `s.rsplit(sep, maxsplit)`.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_RSplit(
        s: *mut PyObject,
        sep: *mut PyObject,
        maxsplit: Py_ssize_t,
    ) -> *mut PyObject;
    /// Map characters through a translation table.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_Translate(
        str: *mut PyObject,
        table: *mut PyObject,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// `separator.join(seq)`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Join")]
    pub fn PyUnicode_Join(separator: *mut PyObject, seq: *mut PyObject) -> *mut PyObject;
    /// Check whether `str[start:end]` starts (`direction == -1`) or ends with `substr`.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_Tailmatch(
        str: *mut PyObject,
        substr: *mut PyObject,
        start: Py_ssize_t,
        end: Py_ssize_t,
        direction: c_int,
    ) -> Py_ssize_t;
    /// Find `substr` in `str[start:end]`; -1 if absent, -2 on error.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Find")]
    pub fn PyUnicode_Find(
        str: *mut PyObject,
        substr: *mut PyObject,
        start: Py_ssize_t,
        end: Py_ssize_t,
        direction: c_int,
    ) -> Py_ssize_t;
    /// Find the code point `ch` in `str[start:end]`; -1 if absent, -2 on error.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FindChar")]
    pub fn PyUnicode_FindChar(
        str: *mut PyObject,
        ch: Py_UCS4,
        start: Py_ssize_t,
        end: Py_ssize_t,
        direction: c_int,
    ) -> Py_ssize_t;
    /// Count non-overlapping occurrences of `substr` in `str[start:end]`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Count")]
    pub fn PyUnicode_Count(
        str: *mut PyObject,
        substr: *mut PyObject,
        start: Py_ssize_t,
        end: Py_ssize_t,
    ) -> Py_ssize_t;
    /// `str.replace(substr, replstr, maxcount)`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Replace")]
    pub fn PyUnicode_Replace(
        str: *mut PyObject,
        substr: *mut PyObject,
        replstr: *mut PyObject,
        maxcount: Py_ssize_t,
    ) -> *mut PyObject;
    /// Compare two strings: -1, 0 or 1 (-1 with an exception set on error).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Compare")]
    pub fn PyUnicode_Compare(left: *mut PyObject, right: *mut PyObject) -> c_int;
    /// Compare a string with a NUL-terminated Latin-1 C string; never raises.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_CompareWithASCIIString")]
    pub fn PyUnicode_CompareWithASCIIString(left: *mut PyObject, right: *const c_char) -> c_int;
    /// Return 1 if the string equals the NUL-terminated UTF-8 string, else 0 (3.13).
    #[cfg(Py_3_13)]
    pub fn PyUnicode_EqualToUTF8(unicode: *mut PyObject, string: *const c_char) -> c_int;
    /// Return 1 if the string equals the UTF-8 data of `size` bytes, else 0 (3.13).
    #[cfg(Py_3_13)]
    pub fn PyUnicode_EqualToUTF8AndSize(
        unicode: *mut PyObject,
        string: *const c_char,
        size: Py_ssize_t,
    ) -> c_int;
    /// Rich comparison of two strings (`op` is `Py_LT` ... `Py_GE`).
    #[cfg(not(PyPy))]
    pub fn PyUnicode_RichCompare(
        left: *mut PyObject,
        right: *mut PyObject,
        op: c_int,
    ) -> *mut PyObject;
    /// `format % args`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Format")]
    pub fn PyUnicode_Format(format: *mut PyObject, args: *mut PyObject) -> *mut PyObject;
    /// `element in container`; -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Contains")]
    pub fn PyUnicode_Contains(container: *mut PyObject, element: *mut PyObject) -> c_int;
    /// Return 1 if the string is a valid identifier, else 0.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_IsIdentifier(s: *mut PyObject) -> c_int;
}

#[cfg(all(Py_3_14, not(PyPy)))]
extern "C" {
    /// 1 if the strings are equal, 0 if not, -1 with `TypeError` if either is not a `str`.
    pub fn PyUnicode_Equal(str1: *mut PyObject, str2: *mut PyObject) -> c_int;
}

#[cfg(PyPy)]
extern "C" {
    // PyPy's returns `int`, not `Py_ssize_t`.
    #[link_name = "PyPyUnicode_Tailmatch"]
    fn PyPyUnicode_Tailmatch(
        str: *mut PyObject,
        substr: *mut PyObject,
        start: Py_ssize_t,
        end: Py_ssize_t,
        direction: c_int,
    ) -> c_int;
}

/// Check whether `str[start:end]` starts (`direction == -1`) or ends with `substr` (PyPy's
/// function returns an `int`, widened here).
#[cfg(PyPy)]
#[inline]
pub unsafe fn PyUnicode_Tailmatch(
    str: *mut PyObject,
    substr: *mut PyObject,
    start: Py_ssize_t,
    end: Py_ssize_t,
    direction: c_int,
) -> Py_ssize_t {
    PyPyUnicode_Tailmatch(str, substr, start, end, direction) as Py_ssize_t
}
