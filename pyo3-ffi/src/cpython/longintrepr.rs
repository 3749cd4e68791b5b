//! Layout of `int` objects from `Include/cpython/longintrepr.h` (`Include/longintrepr.h`
//! before 3.11).
//!
//! CPython stores integers as arrays of base-2**30 digits (the default
//! `PYLONG_BITS_IN_DIGIT == 30`, which is what these declarations assume). In 3.12 the
//! sign/size moved from `ob_size` into the `lv_tag` word of `_PyLongValue`.

#[cfg(Py_3_12)]
use crate::PyObject;
#[cfg(not(Py_3_12))]
use crate::PyVarObject;

/// One digit of an `int`'s magnitude (30 significant bits).
pub type digit = u32;

/// Number of value bits in one [`digit`].
pub const PyLong_SHIFT: u32 = 30;
/// Base of the digit representation (`1 << PyLong_SHIFT`).
pub const PyLong_BASE: digit = 1 << PyLong_SHIFT;
/// Mask selecting the value bits of a [`digit`].
pub const PyLong_MASK: digit = PyLong_BASE - 1;

/// Sign, digit count and digits of an `int` (3.12+).
///
/// `lv_tag` holds the number of digits shifted left by 3, with the sign in the low two bits
/// (0: positive, 1: zero, 2: negative).
#[cfg(Py_3_12)]
#[repr(C)]
#[derive(Debug, Copy, Clone)]
pub struct _PyLongValue {
    /// Digit count and sign.
    pub lv_tag: usize,
    /// First digit; the object is allocated with room for all of them.
    pub ob_digit: [digit; 1],
}

#[cfg(not(PyPy))]
/// The `int` object (`struct _longobject`).
#[repr(C)]
#[derive(Debug)]
pub struct PyLongObject {
    /// Object header; `ob_size` is the signed digit count (before 3.12).
    #[cfg(not(Py_3_12))]
    pub ob_base: PyVarObject,
    /// Object header (3.12+).
    #[cfg(Py_3_12)]
    pub ob_base: PyObject,
    /// Digits, least significant first (before 3.12).
    #[cfg(not(Py_3_12))]
    pub ob_digit: [digit; 1],
    /// Tag and digits (3.12+).
    #[cfg(Py_3_12)]
    pub long_value: _PyLongValue,
}
