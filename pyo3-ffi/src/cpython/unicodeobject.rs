//! Non-limited `str` APIs from `Include/cpython/unicodeobject.h`: the PEP 393 object layout,
//! the inline accessors built on it, and the legacy `Py_UNICODE` functions.
//!
//! `PyASCIIObject::state` is a C bitfield. On every supported version (checked against the
//! 3.9-3.13 headers with a C compiler, little-endian) its bits are:
//! `interned` 0-1, `kind` 2-4, `compact` 5, `ascii` 6, and bit 7 is `ready` before 3.12 and
//! `statically_allocated` from 3.12. The free-threaded 3.14+ build widens `interned` to a full
//! byte, which moves the other fields up by 6 bits.

use crate::{PyObject, Py_UCS1, Py_UCS2, Py_UCS4, Py_hash_t, Py_ssize_t};
use libc::wchar_t;
use std::ffi::{c_char, c_int, c_uint, c_void};

/// Legacy code unit type, an alias of `wchar_t` (deprecated).
pub type Py_UNICODE = wchar_t;

// (bit offset, bit width) of each field of `PyASCIIObject::state`.
#[cfg(not(PyPy))]
#[cfg(not(all(Py_3_14, Py_GIL_DISABLED)))]
const STATE_INTERNED: (u32, u32) = (0, 2);
#[cfg(not(PyPy))]
#[cfg(all(Py_3_14, Py_GIL_DISABLED))]
const STATE_INTERNED: (u32, u32) = (0, 8);
#[cfg(not(PyPy))]
const STATE_KIND: (u32, u32) = (STATE_INTERNED.1, 3);
#[cfg(not(PyPy))]
const STATE_COMPACT: (u32, u32) = (STATE_KIND.0 + 3, 1);
#[cfg(not(PyPy))]
const STATE_ASCII: (u32, u32) = (STATE_COMPACT.0 + 1, 1);
#[cfg(not(PyPy))]
#[cfg(not(Py_3_12))]
const STATE_READY: (u32, u32) = (STATE_ASCII.0 + 1, 1);
#[cfg(not(PyPy))]
#[cfg(Py_3_12)]
const STATE_STATICALLY_ALLOCATED: (u32, u32) = (STATE_ASCII.0 + 1, 1);

#[cfg(not(PyPy))]
/// Shift of a bitfield inside the 32-bit storage unit (GCC/Clang/MSVC allocate bitfields from
/// the least significant bit on little-endian targets and from the most significant bit on
/// big-endian ones).
#[inline]
const fn state_shift(field: (u32, u32)) -> u32 {
    if cfg!(target_endian = "big") {
        32 - field.0 - field.1
    } else {
        field.0
    }
}

#[cfg(not(PyPy))]
#[inline]
const fn state_get(state: u32, field: (u32, u32)) -> c_uint {
    (state >> state_shift(field)) & ((1u32 << field.1) - 1)
}

#[cfg(not(PyPy))]
#[inline]
const fn state_set(state: u32, field: (u32, u32), value: c_uint) -> u32 {
    let mask = ((1u32 << field.1) - 1) << state_shift(field);
    (state & !mask) | ((value << state_shift(field)) & mask)
}

#[cfg(not(PyPy))]
/// Header shared by every `str` object; the whole object for compact ASCII strings, whose
/// characters follow the struct.
#[repr(C)]
#[derive(Debug)]
pub struct PyASCIIObject {
    /// Object header.
    pub ob_base: PyObject,
    /// Number of code points.
    pub length: Py_ssize_t,
    /// Cached hash, or -1.
    pub hash: Py_hash_t,
    /// The C bitfield `interned:2, kind:3, compact:1, ascii:1, ready:1` (before 3.12) or
    /// `..., statically_allocated:1` (3.12+). Use the accessor methods.
    pub state: u32,
    /// Cached `wchar_t` representation, or NULL (removed in 3.12).
    #[cfg(not(Py_3_12))]
    pub wstr: *mut wchar_t,
}

#[cfg(not(PyPy))]
/// Accessors for the `state` bitfield. They are `unsafe` because C does not define the layout
/// of bitfields; the positions used here are the ones GCC, Clang and MSVC produce.
impl PyASCIIObject {
    /// The `interned` field: one of the `SSTATE_*` constants.
    #[inline]
    pub unsafe fn interned(&self) -> c_uint {
        state_get(self.state, STATE_INTERNED)
    }
    /// Set the `interned` field.
    #[inline]
    pub unsafe fn set_interned(&mut self, val: c_uint) {
        self.state = state_set(self.state, STATE_INTERNED, val);
    }
    /// The `kind` field: `PyUnicode_1BYTE_KIND`, `PyUnicode_2BYTE_KIND` or
    /// `PyUnicode_4BYTE_KIND` (or `PyUnicode_WCHAR_KIND` before 3.12).
    #[inline]
    pub unsafe fn kind(&self) -> c_uint {
        state_get(self.state, STATE_KIND)
    }
    /// Set the `kind` field.
    #[inline]
    pub unsafe fn set_kind(&mut self, val: c_uint) {
        self.state = state_set(self.state, STATE_KIND, val);
    }
    /// The `compact` field: 1 if the data follows the struct in the same allocation.
    #[inline]
    pub unsafe fn compact(&self) -> c_uint {
        state_get(self.state, STATE_COMPACT)
    }
    /// Set the `compact` field.
    #[inline]
    pub unsafe fn set_compact(&mut self, val: c_uint) {
        self.state = state_set(self.state, STATE_COMPACT, val);
    }
    /// The `ascii` field: 1 if all characters are below 128.
    #[inline]
    pub unsafe fn ascii(&self) -> c_uint {
        state_get(self.state, STATE_ASCII)
    }
    /// Set the `ascii` field.
    #[inline]
    pub unsafe fn set_ascii(&mut self, val: c_uint) {
        self.state = state_set(self.state, STATE_ASCII, val);
    }
    /// The `ready` field: 1 once the canonical representation exists (before 3.12).
    #[cfg(not(Py_3_12))]
    #[inline]
    pub unsafe fn ready(&self) -> c_uint {
        state_get(self.state, STATE_READY)
    }
    /// Set the `ready` field (before 3.12).
    #[cfg(not(Py_3_12))]
    #[inline]
    pub unsafe fn set_ready(&mut self, val: c_uint) {
        self.state = state_set(self.state, STATE_READY, val);
    }
    /// The `statically_allocated` field (3.12+).
    #[cfg(Py_3_12)]
    #[inline]
    pub unsafe fn statically_allocated(&self) -> c_uint {
        state_get(self.state, STATE_STATICALLY_ALLOCATED)
    }
    /// Set the `statically_allocated` field (3.12+).
    #[cfg(Py_3_12)]
    #[inline]
    pub unsafe fn set_statically_allocated(&mut self, val: c_uint) {
        self.state = state_set(self.state, STATE_STATICALLY_ALLOCATED, val);
    }
}

#[cfg(not(PyPy))]
/// Header of compact non-ASCII strings; the characters follow the struct.
#[repr(C)]
#[derive(Debug)]
pub struct PyCompactUnicodeObject {
    /// Common header.
    pub _base: PyASCIIObject,
    /// Number of bytes in `utf8`, excluding the terminating NUL.
    pub utf8_length: Py_ssize_t,
    /// Cached UTF-8 representation (NUL-terminated), or NULL.
    pub utf8: *mut c_char,
    /// Number of code units in `wstr` (removed in 3.12).
    #[cfg(not(Py_3_12))]
    pub wstr_length: Py_ssize_t,
}

/// Pointer to the character buffer of a non-compact string, viewed per kind.
#[repr(C)]
#[derive(Copy, Clone)]
pub union PyUnicodeObjectData {
    /// Untyped view.
    pub any: *mut c_void,
    /// `PyUnicode_1BYTE_KIND` view.
    pub latin1: *mut Py_UCS1,
    /// `PyUnicode_2BYTE_KIND` view.
    pub ucs2: *mut Py_UCS2,
    /// `PyUnicode_4BYTE_KIND` view.
    pub ucs4: *mut Py_UCS4,
}

#[cfg(not(PyPy))]
/// A non-compact ("legacy") string, whose characters live in a separate buffer.
#[repr(C)]
pub struct PyUnicodeObject {
    /// Compact header.
    pub _base: PyCompactUnicodeObject,
    /// The character buffer.
    pub data: PyUnicodeObjectData,
}

/// `interned` value: not interned.
pub const SSTATE_NOT_INTERNED: c_uint = 0;
/// `interned` value: interned, mortal.
pub const SSTATE_INTERNED_MORTAL: c_uint = 1;
/// `interned` value: interned, immortal.
pub const SSTATE_INTERNED_IMMORTAL: c_uint = 2;
/// `interned` value: interned, immortal and statically allocated (3.12+).
#[cfg(Py_3_12)]
pub const SSTATE_INTERNED_IMMORTAL_STATIC: c_uint = 3;

/// Kind of a not-yet-ready legacy string (before 3.12).
#[cfg(not(Py_3_12))]
pub const PyUnicode_WCHAR_KIND: c_uint = 0;
/// Kind of strings stored as `Py_UCS1` (Latin-1).
pub const PyUnicode_1BYTE_KIND: c_uint = 1;
/// Kind of strings stored as `Py_UCS2`.
pub const PyUnicode_2BYTE_KIND: c_uint = 2;
/// Kind of strings stored as `Py_UCS4`.
pub const PyUnicode_4BYTE_KIND: c_uint = 4;

#[cfg(not(PyPy))]
#[inline]
unsafe fn ascii_header(op: *mut PyObject) -> *mut PyASCIIObject {
    op.cast()
}

#[cfg(not(PyPy))]
/// Interning state of a string (one of the `SSTATE_*` values).
#[inline]
pub unsafe fn PyUnicode_CHECK_INTERNED(op: *mut PyObject) -> c_uint {
    (*ascii_header(op)).interned()
}

#[cfg(not(PyPy))]
/// Always 1 from 3.12; before, whether the canonical representation is ready.
#[inline]
pub unsafe fn PyUnicode_IS_READY(op: *mut PyObject) -> c_uint {
    #[cfg(not(Py_3_12))]
    {
        (*ascii_header(op)).ready()
    }
    #[cfg(Py_3_12)]
    {
        let _ = op;
        1
    }
}

#[cfg(not(PyPy))]
/// Whether the string only contains ASCII characters.
#[inline]
pub unsafe fn PyUnicode_IS_ASCII(op: *mut PyObject) -> c_uint {
    (*ascii_header(op)).ascii()
}

#[cfg(not(PyPy))]
/// Whether the string uses the compact (single allocation) layout.
#[inline]
pub unsafe fn PyUnicode_IS_COMPACT(op: *mut PyObject) -> c_uint {
    (*ascii_header(op)).compact()
}

#[cfg(not(PyPy))]
/// Whether the string is a compact ASCII string (a bare `PyASCIIObject` plus data).
#[inline]
pub unsafe fn PyUnicode_IS_COMPACT_ASCII(op: *mut PyObject) -> c_int {
    ((*ascii_header(op)).ascii() != 0 && PyUnicode_IS_COMPACT(op) != 0) as c_int
}

#[cfg(not(PyPy))]
/// The storage kind of the string (`PyUnicode_1BYTE_KIND` ...).
#[inline]
pub unsafe fn PyUnicode_KIND(op: *mut PyObject) -> c_uint {
    (*ascii_header(op)).kind()
}

#[cfg(not(PyPy))]
/// Data pointer of a compact string (right after the header struct).
#[inline]
pub unsafe fn _PyUnicode_COMPACT_DATA(op: *mut PyObject) -> *mut c_void {
    if PyUnicode_IS_ASCII(op) != 0 {
        ascii_header(op).add(1).cast()
    } else {
        op.cast::<PyCompactUnicodeObject>().add(1).cast()
    }
}

#[cfg(not(PyPy))]
/// Data pointer of a non-compact string.
#[inline]
pub unsafe fn _PyUnicode_NONCOMPACT_DATA(op: *mut PyObject) -> *mut c_void {
    let data = (*op.cast::<PyUnicodeObject>()).data.any;
    debug_assert!(!data.is_null());
    data
}

#[cfg(not(PyPy))]
/// Pointer to the canonical character buffer.
#[inline]
pub unsafe fn PyUnicode_DATA(op: *mut PyObject) -> *mut c_void {
    if PyUnicode_IS_COMPACT(op) != 0 {
        _PyUnicode_COMPACT_DATA(op)
    } else {
        _PyUnicode_NONCOMPACT_DATA(op)
    }
}

#[cfg(not(PyPy))]
/// The character buffer as `Py_UCS1` (only valid for `PyUnicode_1BYTE_KIND`).
#[inline]
pub unsafe fn PyUnicode_1BYTE_DATA(op: *mut PyObject) -> *mut Py_UCS1 {
    PyUnicode_DATA(op).cast()
}

#[cfg(not(PyPy))]
/// The character buffer as `Py_UCS2` (only valid for `PyUnicode_2BYTE_KIND`).
#[inline]
pub unsafe fn PyUnicode_2BYTE_DATA(op: *mut PyObject) -> *mut Py_UCS2 {
    PyUnicode_DATA(op).cast()
}

#[cfg(not(PyPy))]
/// The character buffer as `Py_UCS4` (only valid for `PyUnicode_4BYTE_KIND`).
#[inline]
pub unsafe fn PyUnicode_4BYTE_DATA(op: *mut PyObject) -> *mut Py_UCS4 {
    PyUnicode_DATA(op).cast()
}

#[cfg(not(PyPy))]
/// Length of the string in code points.
#[inline]
pub unsafe fn PyUnicode_GET_LENGTH(op: *mut PyObject) -> Py_ssize_t {
    (*ascii_header(op)).length
}

/// Write code point `value` at `index` of a buffer of the given kind.
#[inline]
pub unsafe fn PyUnicode_WRITE(kind: c_int, data: *mut c_void, index: Py_ssize_t, value: Py_UCS4) {
    debug_assert!(index >= 0);
    match kind as c_uint {
        PyUnicode_1BYTE_KIND => *data.cast::<Py_UCS1>().offset(index) = value as Py_UCS1,
        PyUnicode_2BYTE_KIND => *data.cast::<Py_UCS2>().offset(index) = value as Py_UCS2,
        _ => *data.cast::<Py_UCS4>().offset(index) = value,
    }
}

/// Read the code point at `index` of a buffer of the given kind.
#[inline]
pub unsafe fn PyUnicode_READ(kind: c_int, data: *const c_void, index: Py_ssize_t) -> Py_UCS4 {
    debug_assert!(index >= 0);
    match kind as c_uint {
        PyUnicode_1BYTE_KIND => Py_UCS4::from(*data.cast::<Py_UCS1>().offset(index)),
        PyUnicode_2BYTE_KIND => Py_UCS4::from(*data.cast::<Py_UCS2>().offset(index)),
        _ => *data.cast::<Py_UCS4>().offset(index),
    }
}

#[cfg(not(PyPy))]
/// Read the code point at `index` of a string.
#[inline]
pub unsafe fn PyUnicode_READ_CHAR(unicode: *mut PyObject, index: Py_ssize_t) -> Py_UCS4 {
    PyUnicode_READ(
        PyUnicode_KIND(unicode) as c_int,
        PyUnicode_DATA(unicode),
        index,
    )
}

#[cfg(not(PyPy))]
/// Upper bound of the code points in the string, derived from its kind.
#[inline]
pub unsafe fn PyUnicode_MAX_CHAR_VALUE(op: *mut PyObject) -> Py_UCS4 {
    if PyUnicode_IS_ASCII(op) != 0 {
        return 0x7f;
    }
    match PyUnicode_KIND(op) {
        PyUnicode_1BYTE_KIND => 0xff,
        PyUnicode_2BYTE_KIND => 0xffff,
        _ => 0x10ffff,
    }
}

#[cfg(not(PyPy))]
/// Make sure the canonical representation exists: always 0 from 3.12.
#[inline]
pub unsafe fn PyUnicode_READY(op: *mut PyObject) -> c_int {
    #[cfg(not(Py_3_12))]
    {
        if PyUnicode_IS_READY(op) != 0 {
            0
        } else {
            _PyUnicode_Ready(op)
        }
    }
    #[cfg(Py_3_12)]
    {
        let _ = op;
        0
    }
}

/// Decimal value of the digit character `ch`, or -1 (`Py_UNICODE_TODECIMAL`).
#[inline]
pub unsafe fn Py_UNICODE_TODECIMAL(ch: Py_UCS4) -> c_int {
    _PyUnicode_ToDecimalDigit(ch)
}

extern "C" {
    /// Create a new, uninitialized compact string able to hold `size` code points up to
    /// `maxchar`.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_New")]
    pub fn PyUnicode_New(size: Py_ssize_t, maxchar: Py_UCS4) -> *mut PyObject;
    /// Build the canonical representation of a legacy string (before 3.12; private).
    #[cfg(not(Py_3_12))]
    #[cfg_attr(PyPy, link_name = "_PyPyUnicode_Ready")]
    pub fn _PyUnicode_Ready(unicode: *mut PyObject) -> c_int;
    /// Copy characters between strings, converting the kind as needed.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_CopyCharacters(
        to: *mut PyObject,
        to_start: Py_ssize_t,
        from: *mut PyObject,
        from_start: Py_ssize_t,
        how_many: Py_ssize_t,
    ) -> Py_ssize_t;
    /// Fill `unicode[start:start+length]` with `fill_char`.
    #[cfg(not(PyPy))]
    pub fn PyUnicode_Fill(
        unicode: *mut PyObject,
        start: Py_ssize_t,
        length: Py_ssize_t,
        fill_char: Py_UCS4,
    ) -> Py_ssize_t;
    /// Deprecated: create a string from a `Py_UNICODE` buffer (removed in 3.12).
    #[cfg(not(Py_3_12))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromUnicode")]
    pub fn PyUnicode_FromUnicode(u: *const Py_UNICODE, size: Py_ssize_t) -> *mut PyObject;
    /// Create a string from a buffer of `size` units of the given kind.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromKindAndData")]
    pub fn PyUnicode_FromKindAndData(
        kind: c_int,
        buffer: *const c_void,
        size: Py_ssize_t,
    ) -> *mut PyObject;
    /// Deprecated: the `Py_UNICODE` representation (removed in 3.12).
    #[cfg(not(Py_3_12))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUnicode")]
    pub fn PyUnicode_AsUnicode(unicode: *mut PyObject) -> *mut Py_UNICODE;
    /// Deprecated: the `Py_UNICODE` representation and its length (removed in 3.12).
    #[cfg(not(Py_3_12))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUnicodeAndSize")]
    pub fn PyUnicode_AsUnicodeAndSize(
        unicode: *mut PyObject,
        size: *mut Py_ssize_t,
    ) -> *mut Py_UNICODE;
    /// The cached UTF-8 representation (NUL-terminated) of the string.
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUTF8")]
    pub fn PyUnicode_AsUTF8(unicode: *mut PyObject) -> *const c_char;
    /// Decimal value of a digit character, or -1 (private; used by `Py_UNICODE_TODECIMAL`).
    #[cfg_attr(PyPy, link_name = "_PyPyUnicode_ToDecimalDigit")]
    pub fn _PyUnicode_ToDecimalDigit(ch: Py_UCS4) -> c_int;
}

#[cfg(not(Py_3_11))]
extern "C" {
    /// Deprecated: encode a `Py_UNICODE` buffer with a codec (removed in 3.11).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_Encode")]
    pub fn PyUnicode_Encode(
        s: *const Py_UNICODE,
        size: Py_ssize_t,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: encode a `Py_UNICODE` buffer as UTF-7 (removed in 3.11).
    pub fn PyUnicode_EncodeUTF7(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
        base64SetO: c_int,
        base64WhiteSpace: c_int,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: encode a `Py_UNICODE` buffer as UTF-8 (removed in 3.11).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeUTF8")]
    pub fn PyUnicode_EncodeUTF8(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: encode a `Py_UNICODE` buffer as UTF-32 (removed in 3.11).
    pub fn PyUnicode_EncodeUTF32(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
        byteorder: c_int,
    ) -> *mut PyObject;
    /// Deprecated: encode a `Py_UNICODE` buffer as UTF-16 (removed in 3.11).
    pub fn PyUnicode_EncodeUTF16(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
        byteorder: c_int,
    ) -> *mut PyObject;
    /// Deprecated: `unicode_escape`-encode a `Py_UNICODE` buffer (removed in 3.11).
    pub fn PyUnicode_EncodeUnicodeEscape(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
    ) -> *mut PyObject;
    /// Deprecated: `raw_unicode_escape`-encode a `Py_UNICODE` buffer (removed in 3.11).
    pub fn PyUnicode_EncodeRawUnicodeEscape(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
    ) -> *mut PyObject;
    /// Deprecated: encode a `Py_UNICODE` buffer as Latin-1 (removed in 3.11).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeLatin1")]
    pub fn PyUnicode_EncodeLatin1(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: encode a `Py_UNICODE` buffer as ASCII (removed in 3.11).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeASCII")]
    pub fn PyUnicode_EncodeASCII(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: encode a `Py_UNICODE` buffer through a mapping (removed in 3.11).
    pub fn PyUnicode_EncodeCharmap(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
        mapping: *mut PyObject,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: translate a `Py_UNICODE` buffer through a table (removed in 3.11).
    pub fn PyUnicode_TranslateCharmap(
        data: *const Py_UNICODE,
        length: Py_ssize_t,
        table: *mut PyObject,
        errors: *const c_char,
    ) -> *mut PyObject;
    /// Deprecated: write the decimal digits of a `Py_UNICODE` buffer as ASCII (removed in
    /// 3.11).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeDecimal")]
    pub fn PyUnicode_EncodeDecimal(
        s: *mut Py_UNICODE,
        length: Py_ssize_t,
        output: *mut c_char,
        errors: *const c_char,
    ) -> c_int;
    /// Deprecated: convert Unicode decimal digits to ASCII digits (removed in 3.11).
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_TransformDecimalToASCII")]
    pub fn PyUnicode_TransformDecimalToASCII(
        s: *mut Py_UNICODE,
        length: Py_ssize_t,
    ) -> *mut PyObject;
}

/// `PyUnicodeWriter`: a `str` under construction (opaque, 3.14+).
#[cfg(all(Py_3_14, not(PyPy)))]
#[repr(C)]
pub struct PyUnicodeWriter {
    _private: [u8; 0],
}

#[cfg(all(Py_3_14, not(PyPy)))]
extern "C" {
    /// A writer with room for `length` characters, or NULL with an exception set.
    pub fn PyUnicodeWriter_Create(length: crate::Py_ssize_t) -> *mut PyUnicodeWriter;
    /// Discards the writer (NULL is accepted).
    pub fn PyUnicodeWriter_Discard(writer: *mut PyUnicodeWriter);
    /// Finishes the writer, returning the `str` (new reference), or NULL on error.
    pub fn PyUnicodeWriter_Finish(writer: *mut PyUnicodeWriter) -> *mut PyObject;
    /// Writes one character: 0, or -1 with an exception set.
    pub fn PyUnicodeWriter_WriteChar(writer: *mut PyUnicodeWriter, ch: crate::Py_UCS4) -> c_int;
    /// Writes `size` bytes of UTF-8 (`size` -1: NUL-terminated): 0, or -1 with an exception.
    pub fn PyUnicodeWriter_WriteUTF8(
        writer: *mut PyUnicodeWriter,
        str: *const std::ffi::c_char,
        size: crate::Py_ssize_t,
    ) -> c_int;
    /// Writes `str(obj)`: 0, or -1 with an exception set.
    pub fn PyUnicodeWriter_WriteStr(writer: *mut PyUnicodeWriter, obj: *mut PyObject) -> c_int;
    /// Writes `repr(obj)`: 0, or -1 with an exception set.
    pub fn PyUnicodeWriter_WriteRepr(writer: *mut PyUnicodeWriter, obj: *mut PyObject) -> c_int;
}
