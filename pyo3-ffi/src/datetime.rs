//! The `datetime` C API from `datetime.h`.
//!
//! CPython exposes this API through a capsule (`datetime.datetime_CAPI`) rather than through
//! exported symbols. Call [`PyDateTime_IMPORT`] once (with the GIL held / attached to the
//! interpreter) before using any other function of this module; [`PyDateTimeAPI`] returns a
//! null pointer until the import succeeded.
//!
//! The object layouts and the `*_GET_*` field accessors are not available on PyPy / GraalPy.

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
use crate::Py_hash_t;
#[cfg(not(Py_LIMITED_API))]
use crate::{PyObject, PyTypeObject};
#[cfg(not(Py_LIMITED_API))]
use std::ffi::{c_char, c_int, c_uchar, CStr};
#[cfg(not(Py_LIMITED_API))]
use std::sync::atomic::{AtomicPtr, Ordering};

/// Size of the packed `data` of a date.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
const _PyDateTime_DATE_DATASIZE: usize = 4;
/// Size of the packed `data` of a time.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
const _PyDateTime_TIME_DATASIZE: usize = 6;
/// Size of the packed `data` of a datetime.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
const _PyDateTime_DATETIME_DATASIZE: usize = 10;

/// A `datetime.timedelta` object.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct PyDateTime_Delta {
    /// Object header.
    pub ob_base: PyObject,
    /// Cached hash, -1 when unknown.
    pub hashcode: Py_hash_t,
    /// Days, `-MAX_DELTA_DAYS <= days <= MAX_DELTA_DAYS`.
    pub days: c_int,
    /// Seconds, `0 <= seconds < 24*3600`.
    pub seconds: c_int,
    /// Microseconds, `0 <= microseconds < 1000000`.
    pub microseconds: c_int,
}

/// A `datetime.tzinfo` object (abstract base class).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct PyDateTime_TZInfo {
    /// Object header.
    pub ob_base: PyObject,
}

/// Common head of time and datetime objects, to read `hastzinfo`.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct _PyDateTime_BaseTZInfo {
    /// Object header.
    pub ob_base: PyObject,
    /// Cached hash, -1 when unknown.
    pub hashcode: Py_hash_t,
    /// Whether the object has a `tzinfo` member.
    pub hastzinfo: c_char,
}

/// A `datetime.time` object allocated without a `tzinfo` member.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct _PyDateTime_BaseTime {
    /// Object header.
    pub ob_base: PyObject,
    /// Cached hash, -1 when unknown.
    pub hashcode: Py_hash_t,
    /// Whether the object has a `tzinfo` member (false here).
    pub hastzinfo: c_char,
    /// Packed hour, minute, second, microsecond.
    pub data: [c_uchar; _PyDateTime_TIME_DATASIZE],
}

/// A `datetime.time` object.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct PyDateTime_Time {
    /// Object header.
    pub ob_base: PyObject,
    /// Cached hash, -1 when unknown.
    pub hashcode: Py_hash_t,
    /// Whether the object has a `tzinfo` member.
    pub hastzinfo: c_char,
    /// Packed hour, minute, second, microsecond.
    pub data: [c_uchar; _PyDateTime_TIME_DATASIZE],
    /// PEP 495 fold (0 or 1).
    pub fold: c_uchar,
    /// The tzinfo object; only valid when `hastzinfo` is true.
    pub tzinfo: *mut PyObject,
}

/// A `datetime.date` object.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct PyDateTime_Date {
    /// Object header.
    pub ob_base: PyObject,
    /// Cached hash, -1 when unknown.
    pub hashcode: Py_hash_t,
    /// Unused for dates.
    pub hastzinfo: c_char,
    /// Packed year (2 bytes, big-endian), month, day.
    pub data: [c_uchar; _PyDateTime_DATE_DATASIZE],
}

/// A `datetime.datetime` object allocated without a `tzinfo` member.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct _PyDateTime_BaseDateTime {
    /// Object header.
    pub ob_base: PyObject,
    /// Cached hash, -1 when unknown.
    pub hashcode: Py_hash_t,
    /// Whether the object has a `tzinfo` member (false here).
    pub hastzinfo: c_char,
    /// Packed date and time fields.
    pub data: [c_uchar; _PyDateTime_DATETIME_DATASIZE],
}

/// A `datetime.datetime` object.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[repr(C)]
#[derive(Debug)]
pub struct PyDateTime_DateTime {
    /// Object header.
    pub ob_base: PyObject,
    /// Cached hash, -1 when unknown.
    pub hashcode: Py_hash_t,
    /// Whether the object has a `tzinfo` member.
    pub hastzinfo: c_char,
    /// Packed date and time fields.
    pub data: [c_uchar; _PyDateTime_DATETIME_DATASIZE],
    /// PEP 495 fold (0 or 1).
    pub fold: c_uchar,
    /// The tzinfo object; only valid when `hastzinfo` is true.
    pub tzinfo: *mut PyObject,
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline]
unsafe fn _PyDateTime_HAS_TZINFO(o: *mut PyObject) -> bool {
    (*o.cast::<_PyDateTime_BaseTZInfo>()).hastzinfo != 0
}

/// Retrieves the year of a `PyDateTime_Date` or `PyDateTime_DateTime` (> 0).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline]
pub unsafe fn PyDateTime_GET_YEAR(o: *mut PyObject) -> c_int {
    let data = &(*o.cast::<PyDateTime_Date>()).data;
    (c_int::from(data[0]) << 8) | c_int::from(data[1])
}

/// Retrieves the month of a `PyDateTime_Date` or `PyDateTime_DateTime` (1..=12).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline]
pub unsafe fn PyDateTime_GET_MONTH(o: *mut PyObject) -> c_int {
    c_int::from((*o.cast::<PyDateTime_Date>()).data[2])
}

/// Retrieves the day of a `PyDateTime_Date` or `PyDateTime_DateTime` (1..=31).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline]
pub unsafe fn PyDateTime_GET_DAY(o: *mut PyObject) -> c_int {
    c_int::from((*o.cast::<PyDateTime_Date>()).data[3])
}

/// Defines the hour, minute, second, microsecond, fold and tzinfo accessors of `$obj`.
///
/// `datetime` and `time` objects pack these fields the same way (hour, minute and second as
/// one byte each, then the microsecond as three big-endian bytes, starting at `data[$at]`),
/// followed by `fold` and the optional `tzinfo` member, so the accessors of both are written
/// once here.
macro_rules! time_field_accessors {
    (
        $obj:ident, data[$at:literal]:
        $hour:ident, $minute:ident, $second:ident, $microsecond:ident, $fold:ident, $tzinfo:ident
    ) => {
        #[doc = concat!("Retrieves the hour of a `", stringify!($obj), "` (0..=23).")]
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        #[inline]
        pub unsafe fn $hour(o: *mut PyObject) -> c_int {
            c_int::from((*o.cast::<$obj>()).data[$at])
        }

        #[doc = concat!("Retrieves the minute of a `", stringify!($obj), "` (0..=59).")]
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        #[inline]
        pub unsafe fn $minute(o: *mut PyObject) -> c_int {
            c_int::from((*o.cast::<$obj>()).data[$at + 1])
        }

        #[doc = concat!("Retrieves the second of a `", stringify!($obj), "` (0..=59).")]
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        #[inline]
        pub unsafe fn $second(o: *mut PyObject) -> c_int {
            c_int::from((*o.cast::<$obj>()).data[$at + 2])
        }

        #[doc = concat!("Retrieves the microsecond of a `", stringify!($obj), "` (0..=999999).")]
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        #[inline]
        pub unsafe fn $microsecond(o: *mut PyObject) -> c_int {
            let data = &(*o.cast::<$obj>()).data;
            (c_int::from(data[$at + 3]) << 16)
                | (c_int::from(data[$at + 4]) << 8)
                | c_int::from(data[$at + 5])
        }

        #[doc = concat!("Retrieves the fold of a `", stringify!($obj), "` (0 or 1).")]
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        #[inline]
        pub unsafe fn $fold(o: *mut PyObject) -> c_uchar {
            (*o.cast::<$obj>()).fold
        }

        #[doc = concat!("Retrieves the tzinfo of a `", stringify!($obj), "` (borrowed, or `Py_None`).")]
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        #[inline]
        pub unsafe fn $tzinfo(o: *mut PyObject) -> *mut PyObject {
            // Objects created without a tzinfo are allocated without the member: check first.
            if _PyDateTime_HAS_TZINFO(o) {
                (*o.cast::<$obj>()).tzinfo
            } else {
                crate::Py_None()
            }
        }
    };
}

time_field_accessors!(
    PyDateTime_DateTime, data[4]:
    PyDateTime_DATE_GET_HOUR,
    PyDateTime_DATE_GET_MINUTE,
    PyDateTime_DATE_GET_SECOND,
    PyDateTime_DATE_GET_MICROSECOND,
    PyDateTime_DATE_GET_FOLD,
    PyDateTime_DATE_GET_TZINFO
);

time_field_accessors!(
    PyDateTime_Time, data[0]:
    PyDateTime_TIME_GET_HOUR,
    PyDateTime_TIME_GET_MINUTE,
    PyDateTime_TIME_GET_SECOND,
    PyDateTime_TIME_GET_MICROSECOND,
    PyDateTime_TIME_GET_FOLD,
    PyDateTime_TIME_GET_TZINFO
);

/// Retrieves the days of a `PyDateTime_Delta`.
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline]
pub unsafe fn PyDateTime_DELTA_GET_DAYS(o: *mut PyObject) -> c_int {
    (*o.cast::<PyDateTime_Delta>()).days
}

/// Retrieves the seconds of a `PyDateTime_Delta` (0..86400).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline]
pub unsafe fn PyDateTime_DELTA_GET_SECONDS(o: *mut PyObject) -> c_int {
    (*o.cast::<PyDateTime_Delta>()).seconds
}

/// Retrieves the microseconds of a `PyDateTime_Delta` (0..1000000).
#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
#[inline]
pub unsafe fn PyDateTime_DELTA_GET_MICROSECONDS(o: *mut PyObject) -> c_int {
    (*o.cast::<PyDateTime_Delta>()).microseconds
}

#[cfg(not(Py_LIMITED_API))]
/// The table of types and constructors found in the `datetime.datetime_CAPI` capsule.
#[repr(C)]
#[derive(Debug, Copy, Clone)]
pub struct PyDateTime_CAPI {
    /// `datetime.date`.
    pub DateType: *mut PyTypeObject,
    /// `datetime.datetime`.
    pub DateTimeType: *mut PyTypeObject,
    /// `datetime.time`.
    pub TimeType: *mut PyTypeObject,
    /// `datetime.timedelta`.
    pub DeltaType: *mut PyTypeObject,
    /// `datetime.tzinfo`.
    pub TZInfoType: *mut PyTypeObject,
    /// The `datetime.timezone.utc` singleton.
    pub TimeZone_UTC: *mut PyObject,
    /// Constructor: year, month, day, type.
    pub Date_FromDate: unsafe extern "C" fn(
        year: c_int,
        month: c_int,
        day: c_int,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    /// Constructor: year, month, day, hour, minute, second, microsecond, tzinfo, type.
    pub DateTime_FromDateAndTime: unsafe extern "C" fn(
        year: c_int,
        month: c_int,
        day: c_int,
        hour: c_int,
        minute: c_int,
        second: c_int,
        microsecond: c_int,
        tzinfo: *mut PyObject,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    /// Constructor: hour, minute, second, microsecond, tzinfo, type.
    pub Time_FromTime: unsafe extern "C" fn(
        hour: c_int,
        minute: c_int,
        second: c_int,
        microsecond: c_int,
        tzinfo: *mut PyObject,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    /// Constructor: days, seconds, microseconds, normalize, type.
    pub Delta_FromDelta: unsafe extern "C" fn(
        days: c_int,
        seconds: c_int,
        microseconds: c_int,
        normalize: c_int,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    /// Constructor: offset (timedelta), name (str or NULL).
    pub TimeZone_FromTimeZone:
        unsafe extern "C" fn(offset: *mut PyObject, name: *mut PyObject) -> *mut PyObject,
    /// `cls.fromtimestamp(*args, **kwargs)` for datetimes.
    pub DateTime_FromTimestamp: unsafe extern "C" fn(
        cls: *mut PyObject,
        args: *mut PyObject,
        kwargs: *mut PyObject,
    ) -> *mut PyObject,
    /// `cls.fromtimestamp(*args)` for dates.
    pub Date_FromTimestamp:
        unsafe extern "C" fn(cls: *mut PyObject, args: *mut PyObject) -> *mut PyObject,
    /// Constructor like `DateTime_FromDateAndTime` with a PEP 495 fold.
    pub DateTime_FromDateAndTimeAndFold: unsafe extern "C" fn(
        year: c_int,
        month: c_int,
        day: c_int,
        hour: c_int,
        minute: c_int,
        second: c_int,
        microsecond: c_int,
        tzinfo: *mut PyObject,
        fold: c_int,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
    /// Constructor like `Time_FromTime` with a PEP 495 fold.
    pub Time_FromTimeAndFold: unsafe extern "C" fn(
        hour: c_int,
        minute: c_int,
        second: c_int,
        microsecond: c_int,
        tzinfo: *mut PyObject,
        fold: c_int,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject,
}

// SAFETY: the table is immutable once published by the `datetime` module and only holds
// pointers to immortal/static type objects and functions.
#[cfg(not(Py_LIMITED_API))]
unsafe impl Sync for PyDateTime_CAPI {}

#[cfg(not(Py_LIMITED_API))]
/// Name of the capsule holding the [`PyDateTime_CAPI`] table.
pub const PyDateTime_CAPSULE_NAME: &CStr = c"datetime.datetime_CAPI";

#[cfg(not(Py_LIMITED_API))]
/// The imported capsule table (null until [`PyDateTime_IMPORT`] succeeded).
static PyDateTimeAPI_impl: AtomicPtr<PyDateTime_CAPI> = AtomicPtr::new(std::ptr::null_mut());

#[cfg(not(Py_LIMITED_API))]
/// Returns a pointer to the [`PyDateTime_CAPI`] table.
///
/// # Note
///
/// This returns a null pointer until [`PyDateTime_IMPORT`] has been called successfully.
#[inline]
pub unsafe fn PyDateTimeAPI() -> *mut PyDateTime_CAPI {
    PyDateTimeAPI_impl.load(Ordering::Acquire)
}

#[cfg(not(Py_LIMITED_API))]
/// Populates the [`PyDateTimeAPI`] table by importing the `datetime` capsule.
///
/// Does nothing if it was already imported. On failure the table stays null and a Python
/// exception is set. Must be called while attached to the interpreter.
pub unsafe fn PyDateTime_IMPORT() {
    if !PyDateTimeAPI_impl.load(Ordering::Acquire).is_null() {
        return;
    }
    let api = crate::PyCapsule_Import(PyDateTime_CAPSULE_NAME.as_ptr(), 1);
    if !api.is_null() {
        // Every import yields the same table, so a racing store is harmless.
        PyDateTimeAPI_impl.store(api.cast::<PyDateTime_CAPI>(), Ordering::Release);
    }
}

#[cfg(not(Py_LIMITED_API))]
/// Returns the `datetime.timezone.utc` singleton (borrowed).
#[inline]
pub unsafe fn PyDateTime_TimeZone_UTC() -> *mut PyObject {
    (*PyDateTimeAPI()).TimeZone_UTC
}

/// Defines `$check` (instance of the capsule's `$type` or a subclass) and `$check_exact`
/// (exactly that type), which every `datetime` type has alike.
macro_rules! type_checks {
    ($check:ident, $check_exact:ident, $type:ident, $pyname:literal $(, $note:literal)?) => {
        #[cfg(not(Py_LIMITED_API))]
        #[doc = concat!("Returns 1 if `op` is a `", $pyname, "` (or subclass", $($note,)? ").")]
        #[inline]
        pub unsafe fn $check(op: *mut PyObject) -> c_int {
            crate::PyObject_TypeCheck(op, (*PyDateTimeAPI()).$type)
        }

        #[cfg(not(Py_LIMITED_API))]
        #[doc = concat!("Returns 1 if `op` is exactly a `", $pyname, "`.")]
        #[inline]
        pub unsafe fn $check_exact(op: *mut PyObject) -> c_int {
            crate::Py_IS_TYPE(op, (*PyDateTimeAPI()).$type)
        }
    };
}

type_checks!(
    PyDate_Check,
    PyDate_CheckExact,
    DateType,
    "datetime.date",
    ", including `datetime`"
);
type_checks!(
    PyDateTime_Check,
    PyDateTime_CheckExact,
    DateTimeType,
    "datetime.datetime"
);
type_checks!(PyTime_Check, PyTime_CheckExact, TimeType, "datetime.time");
type_checks!(
    PyDelta_Check,
    PyDelta_CheckExact,
    DeltaType,
    "datetime.timedelta"
);
type_checks!(
    PyTZInfo_Check,
    PyTZInfo_CheckExact,
    TZInfoType,
    "datetime.tzinfo"
);

#[cfg(not(Py_LIMITED_API))]
/// Creates a `datetime.date`.
#[inline]
pub unsafe fn PyDate_FromDate(year: c_int, month: c_int, day: c_int) -> *mut PyObject {
    let api = &*PyDateTimeAPI();
    (api.Date_FromDate)(year, month, day, api.DateType)
}

#[cfg(not(Py_LIMITED_API))]
/// Creates a naive `datetime.datetime`.
#[inline]
pub unsafe fn PyDateTime_FromDateAndTime(
    year: c_int,
    month: c_int,
    day: c_int,
    hour: c_int,
    minute: c_int,
    second: c_int,
    microsecond: c_int,
) -> *mut PyObject {
    let api = &*PyDateTimeAPI();
    (api.DateTime_FromDateAndTime)(
        year,
        month,
        day,
        hour,
        minute,
        second,
        microsecond,
        crate::Py_None(),
        api.DateTimeType,
    )
}

#[cfg(not(Py_LIMITED_API))]
/// Creates a naive `datetime.datetime` with a PEP 495 fold.
#[inline]
#[allow(clippy::too_many_arguments)]
pub unsafe fn PyDateTime_FromDateAndTimeAndFold(
    year: c_int,
    month: c_int,
    day: c_int,
    hour: c_int,
    minute: c_int,
    second: c_int,
    microsecond: c_int,
    fold: c_int,
) -> *mut PyObject {
    let api = &*PyDateTimeAPI();
    (api.DateTime_FromDateAndTimeAndFold)(
        year,
        month,
        day,
        hour,
        minute,
        second,
        microsecond,
        crate::Py_None(),
        fold,
        api.DateTimeType,
    )
}

#[cfg(not(Py_LIMITED_API))]
/// Creates a naive `datetime.time`.
#[inline]
pub unsafe fn PyTime_FromTime(
    hour: c_int,
    minute: c_int,
    second: c_int,
    microsecond: c_int,
) -> *mut PyObject {
    let api = &*PyDateTimeAPI();
    (api.Time_FromTime)(
        hour,
        minute,
        second,
        microsecond,
        crate::Py_None(),
        api.TimeType,
    )
}

#[cfg(not(Py_LIMITED_API))]
/// Creates a naive `datetime.time` with a PEP 495 fold.
#[inline]
pub unsafe fn PyTime_FromTimeAndFold(
    hour: c_int,
    minute: c_int,
    second: c_int,
    microsecond: c_int,
    fold: c_int,
) -> *mut PyObject {
    let api = &*PyDateTimeAPI();
    (api.Time_FromTimeAndFold)(
        hour,
        minute,
        second,
        microsecond,
        crate::Py_None(),
        fold,
        api.TimeType,
    )
}

#[cfg(not(Py_LIMITED_API))]
/// Creates a normalized `datetime.timedelta` from days, seconds and microseconds.
#[inline]
pub unsafe fn PyDelta_FromDSU(days: c_int, seconds: c_int, microseconds: c_int) -> *mut PyObject {
    let api = &*PyDateTimeAPI();
    (api.Delta_FromDelta)(days, seconds, microseconds, 1, api.DeltaType)
}

#[cfg(not(Py_LIMITED_API))]
/// Creates a `datetime.timezone` with a fixed offset (a `timedelta`).
#[inline]
pub unsafe fn PyTimeZone_FromOffset(offset: *mut PyObject) -> *mut PyObject {
    ((*PyDateTimeAPI()).TimeZone_FromTimeZone)(offset, std::ptr::null_mut())
}

#[cfg(not(Py_LIMITED_API))]
/// Creates a `datetime.timezone` with a fixed offset and a name.
#[inline]
pub unsafe fn PyTimeZone_FromOffsetAndName(
    offset: *mut PyObject,
    name: *mut PyObject,
) -> *mut PyObject {
    ((*PyDateTimeAPI()).TimeZone_FromTimeZone)(offset, name)
}

#[cfg(not(Py_LIMITED_API))]
/// `datetime.datetime.fromtimestamp(*args)`; `args` must be a tuple.
#[inline]
pub unsafe fn PyDateTime_FromTimestamp(args: *mut PyObject) -> *mut PyObject {
    let api = &*PyDateTimeAPI();
    (api.DateTime_FromTimestamp)(api.DateTimeType.cast(), args, std::ptr::null_mut())
}

#[cfg(not(Py_LIMITED_API))]
/// `datetime.date.fromtimestamp(*args)`; `args` must be a tuple.
#[inline]
pub unsafe fn PyDate_FromTimestamp(args: *mut PyObject) -> *mut PyObject {
    let api = &*PyDateTimeAPI();
    (api.Date_FromTimestamp)(api.DateType.cast(), args)
}
