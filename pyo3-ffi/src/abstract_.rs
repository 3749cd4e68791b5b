//! The abstract object layer from `Include/abstract.h`: calling objects, the number,
//! sequence, mapping and iterator protocols.

use crate::{PyObject, Py_ssize_t};
use std::ffi::{c_char, c_int};

/// Result of [`PyIter_Send`] (`PySendResult` in `object.h`, Python 3.10+).
#[cfg(Py_3_10)]
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PySendResult {
    /// The generator returned; the result holds the return value.
    PYGEN_RETURN = 0,
    /// An exception was raised.
    PYGEN_ERROR = -1,
    /// The generator yielded; the result holds the yielded value.
    PYGEN_NEXT = 1,
}

/// Flag or-ed into `nargsf` of a vectorcall: the callee may temporarily overwrite `args[-1]`.
#[cfg(any(Py_3_12, not(Py_LIMITED_API)))]
pub const PY_VECTORCALL_ARGUMENTS_OFFSET: usize = 1 << (8 * std::mem::size_of::<usize>() - 1);

extern "C" {
    /// Calls `func` without arguments.
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallNoArgs")]
    pub fn PyObject_CallNoArgs(func: *mut PyObject) -> *mut PyObject;
    /// Calls `callable(*args, **kwargs)`; `kwargs` may be NULL.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Call")]
    pub fn PyObject_Call(
        callable: *mut PyObject,
        args: *mut PyObject,
        kwargs: *mut PyObject,
    ) -> *mut PyObject;
    /// Calls `callable(*args)`; `args` may be NULL.
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallObject")]
    pub fn PyObject_CallObject(callable: *mut PyObject, args: *mut PyObject) -> *mut PyObject;
    /// Calls `callable` with arguments built from a `Py_BuildValue` format.
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallFunction")]
    pub fn PyObject_CallFunction(
        callable: *mut PyObject,
        format: *const c_char,
        ...
    ) -> *mut PyObject;
    /// Calls method `name` of `obj` with arguments built from a `Py_BuildValue` format.
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallMethod")]
    pub fn PyObject_CallMethod(
        obj: *mut PyObject,
        name: *const c_char,
        format: *const c_char,
        ...
    ) -> *mut PyObject;
    /// Calls `callable` with the NULL-terminated object arguments.
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallFunctionObjArgs")]
    pub fn PyObject_CallFunctionObjArgs(callable: *mut PyObject, ...) -> *mut PyObject;
    /// Calls method `name` of `obj` with the NULL-terminated object arguments.
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallMethodObjArgs")]
    pub fn PyObject_CallMethodObjArgs(
        obj: *mut PyObject,
        name: *mut PyObject,
        ...
    ) -> *mut PyObject;
    /// `type(o)` (new reference).
    #[cfg_attr(PyPy, link_name = "PyPyObject_Type")]
    pub fn PyObject_Type(o: *mut PyObject) -> *mut PyObject;
    /// `len(o)`, or -1 on error.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Size")]
    pub fn PyObject_Size(o: *mut PyObject) -> Py_ssize_t;
    /// Same as [`PyObject_Size`].
    #[cfg(not(PyPy))]
    pub fn PyObject_Length(o: *mut PyObject) -> Py_ssize_t;
    /// `o[key]`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetItem")]
    pub fn PyObject_GetItem(o: *mut PyObject, key: *mut PyObject) -> *mut PyObject;
    /// `o[key] = v`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_SetItem")]
    pub fn PyObject_SetItem(o: *mut PyObject, key: *mut PyObject, v: *mut PyObject) -> c_int;
    /// `del o[key]` with a C-string key.
    #[cfg_attr(PyPy, link_name = "PyPyObject_DelItemString")]
    pub fn PyObject_DelItemString(o: *mut PyObject, key: *const c_char) -> c_int;
    /// `del o[key]`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_DelItem")]
    pub fn PyObject_DelItem(o: *mut PyObject, key: *mut PyObject) -> c_int;
    /// `format(obj, format_spec)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_Format")]
    pub fn PyObject_Format(obj: *mut PyObject, format_spec: *mut PyObject) -> *mut PyObject;
    /// `iter(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetIter")]
    pub fn PyObject_GetIter(o: *mut PyObject) -> *mut PyObject;
    /// Whether `o` is an iterator.
    #[cfg_attr(PyPy, link_name = "PyPyIter_Check")]
    pub fn PyIter_Check(o: *mut PyObject) -> c_int;
    /// Next item of `iter`, or NULL when exhausted or on error.
    #[cfg_attr(PyPy, link_name = "PyPyIter_Next")]
    pub fn PyIter_Next(iter: *mut PyObject) -> *mut PyObject;
    /// Next item of `iter` into `*item` (new reference): 1 on success, 0 when exhausted (with
    /// `*item` NULL), -1 with an exception set (3.14+; `compat::PyIter_NextItem` before).
    #[cfg(all(Py_3_14, not(PyPy)))]
    pub fn PyIter_NextItem(iter: *mut PyObject, item: *mut *mut PyObject) -> c_int;
    /// Whether `o` provides the numeric protocol.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Check")]
    pub fn PyNumber_Check(o: *mut PyObject) -> c_int;
    /// `o1 + o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Add")]
    pub fn PyNumber_Add(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 - o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Subtract")]
    pub fn PyNumber_Subtract(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 * o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Multiply")]
    pub fn PyNumber_Multiply(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 @ o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_MatrixMultiply")]
    pub fn PyNumber_MatrixMultiply(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 // o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_FloorDivide")]
    pub fn PyNumber_FloorDivide(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 / o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_TrueDivide")]
    pub fn PyNumber_TrueDivide(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 % o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Remainder")]
    pub fn PyNumber_Remainder(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `divmod(o1, o2)`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Divmod")]
    pub fn PyNumber_Divmod(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `pow(o1, o2, o3)`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Power")]
    pub fn PyNumber_Power(o1: *mut PyObject, o2: *mut PyObject, o3: *mut PyObject)
        -> *mut PyObject;
    /// `-o`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Negative")]
    pub fn PyNumber_Negative(o: *mut PyObject) -> *mut PyObject;
    /// `+o`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Positive")]
    pub fn PyNumber_Positive(o: *mut PyObject) -> *mut PyObject;
    /// `abs(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Absolute")]
    pub fn PyNumber_Absolute(o: *mut PyObject) -> *mut PyObject;
    /// `~o`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Invert")]
    pub fn PyNumber_Invert(o: *mut PyObject) -> *mut PyObject;
    /// `o1 << o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Lshift")]
    pub fn PyNumber_Lshift(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 >> o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Rshift")]
    pub fn PyNumber_Rshift(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 & o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_And")]
    pub fn PyNumber_And(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 ^ o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Xor")]
    pub fn PyNumber_Xor(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o1 | o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Or")]
    pub fn PyNumber_Or(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// Whether `o` supports `__index__`.
    #[cfg_attr(PyPy, link_name = "PyPyIndex_Check")]
    pub fn PyIndex_Check(o: *mut PyObject) -> c_int;
    /// `operator.index(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Index")]
    pub fn PyNumber_Index(o: *mut PyObject) -> *mut PyObject;
    /// `o` converted to `Py_ssize_t`; on overflow raises `exc` (or clamps if `exc` is NULL).
    #[cfg_attr(PyPy, link_name = "PyPyNumber_AsSsize_t")]
    pub fn PyNumber_AsSsize_t(o: *mut PyObject, exc: *mut PyObject) -> Py_ssize_t;
    /// `int(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Long")]
    pub fn PyNumber_Long(o: *mut PyObject) -> *mut PyObject;
    /// `float(o)`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_Float")]
    pub fn PyNumber_Float(o: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= + o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceAdd")]
    pub fn PyNumber_InPlaceAdd(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= - o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceSubtract")]
    pub fn PyNumber_InPlaceSubtract(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= * o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceMultiply")]
    pub fn PyNumber_InPlaceMultiply(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= @ o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceMatrixMultiply")]
    pub fn PyNumber_InPlaceMatrixMultiply(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= // o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceFloorDivide")]
    pub fn PyNumber_InPlaceFloorDivide(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= / o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceTrueDivide")]
    pub fn PyNumber_InPlaceTrueDivide(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= % o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceRemainder")]
    pub fn PyNumber_InPlaceRemainder(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1 **= o2` (with modulus `o3`).
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlacePower")]
    pub fn PyNumber_InPlacePower(
        o1: *mut PyObject,
        o2: *mut PyObject,
        o3: *mut PyObject,
    ) -> *mut PyObject;
    /// In-place `o1= << o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceLshift")]
    pub fn PyNumber_InPlaceLshift(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= >> o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceRshift")]
    pub fn PyNumber_InPlaceRshift(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= & o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceAnd")]
    pub fn PyNumber_InPlaceAnd(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= ^ o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceXor")]
    pub fn PyNumber_InPlaceXor(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// In-place `o1= | o2`.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_InPlaceOr")]
    pub fn PyNumber_InPlaceOr(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o` formatted in `base` 2, 8, 10 or 16 as a string.
    #[cfg_attr(PyPy, link_name = "PyPyNumber_ToBase")]
    pub fn PyNumber_ToBase(n: *mut PyObject, base: c_int) -> *mut PyObject;
    /// Whether `o` provides the sequence protocol.
    #[cfg_attr(PyPy, link_name = "PyPySequence_Check")]
    pub fn PySequence_Check(o: *mut PyObject) -> c_int;
    /// `len(o)` for a sequence.
    #[cfg_attr(PyPy, link_name = "PyPySequence_Size")]
    pub fn PySequence_Size(o: *mut PyObject) -> Py_ssize_t;
    /// Same as [`PySequence_Size`].
    #[cfg_attr(PyPy, link_name = "PyPySequence_Length")]
    pub fn PySequence_Length(o: *mut PyObject) -> Py_ssize_t;
    /// `o1 + o2` for sequences.
    #[cfg_attr(PyPy, link_name = "PyPySequence_Concat")]
    pub fn PySequence_Concat(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o * count`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_Repeat")]
    pub fn PySequence_Repeat(o: *mut PyObject, count: Py_ssize_t) -> *mut PyObject;
    /// `o[i]`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_GetItem")]
    pub fn PySequence_GetItem(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject;
    /// `o[i1:i2]`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_GetSlice")]
    pub fn PySequence_GetSlice(o: *mut PyObject, i1: Py_ssize_t, i2: Py_ssize_t) -> *mut PyObject;
    /// `o[i] = v`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_SetItem")]
    pub fn PySequence_SetItem(o: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) -> c_int;
    /// `del o[i]`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_DelItem")]
    pub fn PySequence_DelItem(o: *mut PyObject, i: Py_ssize_t) -> c_int;
    /// `o[i1:i2] = v`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_SetSlice")]
    pub fn PySequence_SetSlice(
        o: *mut PyObject,
        i1: Py_ssize_t,
        i2: Py_ssize_t,
        v: *mut PyObject,
    ) -> c_int;
    /// `del o[i1:i2]`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_DelSlice")]
    pub fn PySequence_DelSlice(o: *mut PyObject, i1: Py_ssize_t, i2: Py_ssize_t) -> c_int;
    /// `tuple(o)`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_Tuple")]
    pub fn PySequence_Tuple(o: *mut PyObject) -> *mut PyObject;
    /// `list(o)`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_List")]
    pub fn PySequence_List(o: *mut PyObject) -> *mut PyObject;
    /// `o` as a list or tuple; raises `TypeError` with message `m` otherwise.
    #[cfg_attr(PyPy, link_name = "PyPySequence_Fast")]
    pub fn PySequence_Fast(o: *mut PyObject, m: *const c_char) -> *mut PyObject;
    /// `o.count(value)`.
    #[cfg(not(PyPy))]
    pub fn PySequence_Count(o: *mut PyObject, value: *mut PyObject) -> Py_ssize_t;
    /// `ob in seq`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_Contains")]
    pub fn PySequence_Contains(seq: *mut PyObject, ob: *mut PyObject) -> c_int;
    /// Same as [`PySequence_Contains`].
    #[cfg(not(PyPy))]
    pub fn PySequence_In(o: *mut PyObject, value: *mut PyObject) -> c_int;
    /// `o.index(value)`.
    #[cfg_attr(PyPy, link_name = "PyPySequence_Index")]
    pub fn PySequence_Index(o: *mut PyObject, value: *mut PyObject) -> Py_ssize_t;
    /// `o1 += o2` for sequences.
    #[cfg_attr(PyPy, link_name = "PyPySequence_InPlaceConcat")]
    pub fn PySequence_InPlaceConcat(o1: *mut PyObject, o2: *mut PyObject) -> *mut PyObject;
    /// `o *= count` for sequences.
    #[cfg_attr(PyPy, link_name = "PyPySequence_InPlaceRepeat")]
    pub fn PySequence_InPlaceRepeat(o: *mut PyObject, count: Py_ssize_t) -> *mut PyObject;
    /// Whether `o` provides the mapping protocol.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_Check")]
    pub fn PyMapping_Check(o: *mut PyObject) -> c_int;
    /// `len(o)` for a mapping.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_Size")]
    pub fn PyMapping_Size(o: *mut PyObject) -> Py_ssize_t;
    /// Same as [`PyMapping_Size`].
    #[cfg_attr(PyPy, link_name = "PyPyMapping_Length")]
    pub fn PyMapping_Length(o: *mut PyObject) -> Py_ssize_t;
    /// `key in o` with a C-string key; errors are swallowed.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_HasKeyString")]
    pub fn PyMapping_HasKeyString(o: *mut PyObject, key: *const c_char) -> c_int;
    /// `key in o`; errors are swallowed.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_HasKey")]
    pub fn PyMapping_HasKey(o: *mut PyObject, key: *mut PyObject) -> c_int;
    /// `list(o.keys())`.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_Keys")]
    pub fn PyMapping_Keys(o: *mut PyObject) -> *mut PyObject;
    /// `list(o.values())`.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_Values")]
    pub fn PyMapping_Values(o: *mut PyObject) -> *mut PyObject;
    /// `list(o.items())`.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_Items")]
    pub fn PyMapping_Items(o: *mut PyObject) -> *mut PyObject;
    /// `o[key]` with a C-string key.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_GetItemString")]
    pub fn PyMapping_GetItemString(o: *mut PyObject, key: *const c_char) -> *mut PyObject;
    /// `o[key] = value` with a C-string key.
    #[cfg_attr(PyPy, link_name = "PyPyMapping_SetItemString")]
    pub fn PyMapping_SetItemString(
        o: *mut PyObject,
        key: *const c_char,
        value: *mut PyObject,
    ) -> c_int;
    /// `isinstance(object, typeorclass)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_IsInstance")]
    pub fn PyObject_IsInstance(object: *mut PyObject, typeorclass: *mut PyObject) -> c_int;
    /// `issubclass(object, typeorclass)`.
    #[cfg_attr(PyPy, link_name = "PyPyObject_IsSubclass")]
    pub fn PyObject_IsSubclass(object: *mut PyObject, typeorclass: *mut PyObject) -> c_int;
    /// `aiter(o)`.
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyObject_GetAIter(o: *mut PyObject) -> *mut PyObject;
    /// Whether `o` is an asynchronous iterator.
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyAIter_Check(o: *mut PyObject) -> c_int;
    /// Sends `arg` into `iter`; the result goes to `*presult`.
    #[cfg(Py_3_10)]
    #[cfg_attr(PyPy, link_name = "PyPyIter_Send")]
    pub fn PyIter_Send(
        iter: *mut PyObject,
        arg: *mut PyObject,
        presult: *mut *mut PyObject,
    ) -> PySendResult;
    /// `key in o`; -1 on error (3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyMapping_HasKeyWithError")]
    pub fn PyMapping_HasKeyWithError(o: *mut PyObject, key: *mut PyObject) -> c_int;
    /// `key in o` with a C-string key; -1 on error (3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyMapping_HasKeyStringWithError")]
    pub fn PyMapping_HasKeyStringWithError(o: *mut PyObject, key: *const c_char) -> c_int;
    /// `o[key]` into `*result`, NULL without `KeyError` if missing (3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyMapping_GetOptionalItem")]
    pub fn PyMapping_GetOptionalItem(
        obj: *mut PyObject,
        key: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int;
    /// Like [`PyMapping_GetOptionalItem`] with a C-string key (3.13+).
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyMapping_GetOptionalItemString")]
    pub fn PyMapping_GetOptionalItemString(
        obj: *mut PyObject,
        key: *const c_char,
        result: *mut *mut PyObject,
    ) -> c_int;

    /// Number of positional arguments encoded in `nargsf` (limited API, 3.12+).
    #[cfg(all(Py_3_12, Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyVectorcall_NARGS")]
    pub fn PyVectorcall_NARGS(nargsf: usize) -> Py_ssize_t;
    /// Calls `callable` through its vectorcall slot with a tuple and dict.
    #[cfg(any(Py_3_12, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyVectorcall_Call")]
    pub fn PyVectorcall_Call(
        callable: *mut PyObject,
        tuple: *mut PyObject,
        dict: *mut PyObject,
    ) -> *mut PyObject;
    /// Calls `callable` with the vectorcall convention.
    #[cfg(any(Py_3_12, all(Py_3_11, not(Py_LIMITED_API))))]
    #[cfg_attr(PyPy, link_name = "PyPyObject_Vectorcall")]
    pub fn PyObject_Vectorcall(
        callable: *mut PyObject,
        args: *const *mut PyObject,
        nargsf: usize,
        kwnames: *mut PyObject,
    ) -> *mut PyObject;
    /// Calls method `name` of `args[0]` with the vectorcall convention.
    #[cfg(any(Py_3_12, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyObject_VectorcallMethod")]
    pub fn PyObject_VectorcallMethod(
        name: *mut PyObject,
        args: *const *mut PyObject,
        nargsf: usize,
        kwnames: *mut PyObject,
    ) -> *mut PyObject;
}

/// `del o[key]` for a C-string key (a macro over `PyObject_DelItemString`).
#[inline]
pub unsafe fn PyMapping_DelItemString(o: *mut PyObject, key: *const c_char) -> c_int {
    PyObject_DelItemString(o, key)
}

/// `del o[key]` (a macro over `PyObject_DelItem`).
#[inline]
pub unsafe fn PyMapping_DelItem(o: *mut PyObject, key: *mut PyObject) -> c_int {
    PyObject_DelItem(o, key)
}

/// Size of the list or tuple returned by [`PySequence_Fast`].
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn PySequence_Fast_GET_SIZE(o: *mut PyObject) -> Py_ssize_t {
    if crate::PyList_Check(o) != 0 {
        crate::PyList_GET_SIZE(o)
    } else {
        crate::PyTuple_GET_SIZE(o)
    }
}

#[cfg(not(PyPy))]
/// Item `i` (borrowed) of the list or tuple returned by [`PySequence_Fast`].
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn PySequence_Fast_GET_ITEM(o: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    if crate::PyList_Check(o) != 0 {
        crate::PyList_GET_ITEM(o, i)
    } else {
        crate::PyTuple_GET_ITEM(o, i)
    }
}

#[cfg(not(PyPy))]
/// Pointer to the item array of the list or tuple returned by [`PySequence_Fast`].
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn PySequence_Fast_ITEMS(o: *mut PyObject) -> *mut *mut PyObject {
    if crate::PyList_Check(o) != 0 {
        (*o.cast::<crate::PyListObject>()).ob_item
    } else {
        (*o.cast::<crate::PyTupleObject>()).ob_item.as_mut_ptr()
    }
}
