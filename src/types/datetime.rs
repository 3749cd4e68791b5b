//! The `datetime` module's types: [`PyDate`], [`PyDateTime`], [`PyTime`], [`PyDelta`] and
//! [`PyTzInfo`], with the `*Access` traits to read their fields.
//!
//! With the full C API the types and constructors come from the `datetime` C API capsule
//! (imported on first use) and the fields are read directly from the objects. With the limited
//! API (abi3) the capsule is unavailable: the classes are imported from the `datetime` module
//! and called like from Python; the `*Access` traits are not implemented there (read the
//! attributes with `getattr` instead).

#[cfg(not(Py_LIMITED_API))]
use std::ffi::c_int;

use crate::conversion::IntoPyObject;
use crate::internal::ptr_ext::FfiPtrExt;
#[cfg(Py_LIMITED_API)]
use crate::types::PyType;
use crate::types::{PyAny, PyAnyMethods, PyString};
#[cfg(Py_LIMITED_API)]
use crate::Py;
use crate::{ffi, Borrowed, Bound, PyErr, PyResult, Python};

// ---------------------------------------------------------------------------------------------
// Access to the C API capsule (full API) or to the Python classes (limited API).

/// The `datetime` C API table, imported on first use.
#[cfg(not(Py_LIMITED_API))]
fn api(py: Python<'_>) -> PyResult<&'static ffi::PyDateTime_CAPI> {
    // SAFETY: attached; the table is immutable once published.
    unsafe {
        let mut p = ffi::PyDateTimeAPI();
        if p.is_null() {
            ffi::PyDateTime_IMPORT();
            p = ffi::PyDateTimeAPI();
            if p.is_null() {
                return Err(PyErr::fetch(py));
            }
        }
        Ok(&*p)
    }
}

#[cfg(not(Py_LIMITED_API))]
fn expect_api(py: Python<'_>) -> &'static ffi::PyDateTime_CAPI {
    api(py).expect("failed to import the `datetime` C API")
}

/// The `datetime` classes, imported once (limited API).
#[cfg(Py_LIMITED_API)]
struct DatetimeTypes {
    date: Py<PyType>,
    datetime: Py<PyType>,
    time: Py<PyType>,
    timedelta: Py<PyType>,
    timezone: Py<PyType>,
    tzinfo: Py<PyType>,
}

#[cfg(Py_LIMITED_API)]
fn types(py: Python<'_>) -> PyResult<&'static DatetimeTypes> {
    static TYPES: crate::sync::PyOnceLock<DatetimeTypes> = crate::sync::PyOnceLock::new();
    TYPES.get_or_try_init(py, || {
        let m = py.import("datetime")?;
        let get = |name: &str| -> PyResult<Py<PyType>> {
            Ok(m.getattr(name)?.cast_into::<PyType>()?.unbind())
        };
        Ok(DatetimeTypes {
            date: get("date")?,
            datetime: get("datetime")?,
            time: get("time")?,
            timedelta: get("timedelta")?,
            timezone: get("timezone")?,
            tzinfo: get("tzinfo")?,
        })
    })
}

#[cfg(Py_LIMITED_API)]
fn expect_types(py: Python<'_>) -> &'static DatetimeTypes {
    types(py).expect("failed to import the `datetime` module")
}

/// Declares a datetime native type; `$capi_type` is its field in the C API table,
/// `$check` the C-level check and `$abi3_type` the field of [`DatetimeTypes`].
macro_rules! datetime_type {
    ($name:ident, $pyname:literal, $capi_type:ident, $check:ident, $abi3_type:ident, $layout:path, $doc:literal) => {
        #[doc = $doc]
        #[repr(transparent)]
        pub struct $name(PyAny);

        #[cfg(not(Py_LIMITED_API))]
        crate::pyobject_native_type_core!($name, |py| expect_api(py).$capi_type, #module = ::std::option::Option::Some("datetime"), #checkfunction = $check);

        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        crate::pyobject_native_type_sized!($name, $layout);
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        crate::pyobject_subclassable_native_type!($name, $layout);

        #[cfg(Py_LIMITED_API)]
        crate::pyobject_native_type_core!($name, |py| {
            expect_types(py).$abi3_type.as_ptr().cast::<ffi::PyTypeObject>()
        }, #module = ::std::option::Option::Some("datetime"));
    };
}

/// Defines a check function that makes sure the C API is imported first.
#[cfg(not(Py_LIMITED_API))]
macro_rules! checked {
    ($name:ident, $ffi_check:ident) => {
        unsafe fn $name(op: *mut ffi::PyObject) -> c_int {
            // SAFETY: type checks are only made while attached.
            let py = unsafe { Python::assume_attached() };
            if api(py).is_err() {
                // The check cannot succeed without the types; leave no error behind.
                unsafe { ffi::PyErr_Clear() };
                return 0;
            }
            unsafe { ffi::$ffi_check(op) }
        }
    };
}

#[cfg(not(Py_LIMITED_API))]
checked!(date_check, PyDate_Check);
#[cfg(not(Py_LIMITED_API))]
checked!(datetime_check, PyDateTime_Check);
#[cfg(not(Py_LIMITED_API))]
checked!(time_check, PyTime_Check);
#[cfg(not(Py_LIMITED_API))]
checked!(delta_check, PyDelta_Check);
#[cfg(not(Py_LIMITED_API))]
checked!(tzinfo_check, PyTZInfo_Check);

datetime_type!(
    PyDate,
    "date",
    DateType,
    date_check,
    date,
    ffi::PyDateTime_Date,
    "A `datetime.date` object."
);
datetime_type!(
    PyDateTime,
    "datetime",
    DateTimeType,
    datetime_check,
    datetime,
    ffi::PyDateTime_DateTime,
    "A `datetime.datetime` object."
);
datetime_type!(
    PyTime,
    "time",
    TimeType,
    time_check,
    time,
    ffi::PyDateTime_Time,
    "A `datetime.time` object."
);
datetime_type!(
    PyDelta,
    "timedelta",
    DeltaType,
    delta_check,
    timedelta,
    ffi::PyDateTime_Delta,
    "A `datetime.timedelta` object."
);
datetime_type!(
    PyTzInfo,
    "tzinfo",
    TZInfoType,
    tzinfo_check,
    tzinfo,
    ffi::PyObject,
    "A `datetime.tzinfo` object (abstract base class of time zones, e.g. `datetime.timezone` \
     and `zoneinfo.ZoneInfo`)."
);

// ---------------------------------------------------------------------------------------------
// Small helpers.

/// `tzinfo` as a borrowed pointer (`Py_None` when absent), as the C constructors expect.
#[cfg(not(Py_LIMITED_API))]
fn opt_tz_ptr(tzinfo: Option<&Bound<'_, PyTzInfo>>) -> *mut ffi::PyObject {
    // SAFETY: Py_None is always valid.
    tzinfo.map_or_else(|| unsafe { ffi::Py_None() }, |t| t.as_ptr())
}

/// `tzinfo` as an object (`None` when absent), as the Python-level constructors expect.
fn opt_tz<'py>(py: Python<'py>, tzinfo: Option<&Bound<'py, PyTzInfo>>) -> Bound<'py, PyAny> {
    tzinfo.map_or_else(|| py.None().into_bound(py), |t| t.as_any().clone())
}

/// The microsecond as the C constructors take it; larger values than `c_int` holds are
/// rejected here (smaller out-of-range ones by the constructor).
#[cfg(not(Py_LIMITED_API))]
fn c_microsecond(microsecond: u32) -> PyResult<c_int> {
    c_int::try_from(microsecond)
        .map_err(|_| crate::exceptions::PyValueError::new_err("microsecond must be in 0..999999"))
}

/// `class(*args, fold=fold)`: the `time` and `datetime` constructors take `fold` only as a
/// keyword argument.
#[cfg(Py_LIMITED_API)]
fn call_with_fold<'py>(
    class: &Bound<'py, PyType>,
    args: impl crate::call::PyCallArgs<'py>,
    fold: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let py = class.py();
    let kwargs = crate::types::PyDict::new(py);
    crate::types::PyDictMethods::set_item(&kwargs, "fold", u8::from(fold))?;
    class.call(args, Some(&kwargs))
}

/// Calls a constructor from the C API table: `make` returns a new reference or NULL with an
/// error set.
#[cfg(not(Py_LIMITED_API))]
fn from_capi<'py, T>(
    py: Python<'py>,
    make: impl FnOnce(&ffi::PyDateTime_CAPI) -> *mut ffi::PyObject,
) -> PyResult<Bound<'py, T>> {
    let api = api(py)?;
    // SAFETY: attached; `make` returns a new reference or NULL with an error set.
    cast_result(unsafe { make(api).assume_owned_or_err(py) })
}

/// Casts the result of a constructor.
fn cast_result<T>(r: PyResult<Bound<'_, PyAny>>) -> PyResult<Bound<'_, T>> {
    // SAFETY: the constructors return instances of the requested class.
    r.map(|o| unsafe { o.cast_into_unchecked() })
}

// ---------------------------------------------------------------------------------------------
// Constructors.

impl PyDate {
    /// `datetime.date(year, month, day)`; `ValueError` if out of range.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyDate;
    ///
    /// # Python::initialize();
    /// Python::attach(|py| {
    ///     let d = PyDate::new(py, 2024, 2, 29).unwrap();
    ///     assert_eq!(d.str().unwrap(), "2024-02-29");
    ///     assert!(PyDate::new(py, 2023, 2, 29).is_err());
    /// });
    /// ```
    pub fn new(py: Python<'_>, year: i32, month: u8, day: u8) -> PyResult<Bound<'_, PyDate>> {
        #[cfg(not(Py_LIMITED_API))]
        {
            // SAFETY: attached; the arguments are what the constructor takes.
            from_capi(py, |api| unsafe {
                (api.Date_FromDate)(year, c_int::from(month), c_int::from(day), api.DateType)
            })
        }
        #[cfg(Py_LIMITED_API)]
        {
            let args = (year, month, day);
            cast_result(types(py)?.date.bind(py).call1(args))
        }
    }

    /// `datetime.date.fromtimestamp(timestamp)` (local time; fractions of a second are
    /// allowed, as in Python).
    pub fn from_timestamp(py: Python<'_>, timestamp: f64) -> PyResult<Bound<'_, PyDate>> {
        let args = (timestamp,).into_pyobject(py)?;
        #[cfg(not(Py_LIMITED_API))]
        {
            // SAFETY: attached; the arguments are what the constructor takes.
            from_capi(py, |api| unsafe {
                (api.Date_FromTimestamp)(api.DateType.cast(), args.as_ptr())
            })
        }
        #[cfg(Py_LIMITED_API)]
        {
            cast_result(types(py)?.date.bind(py).call_method1("fromtimestamp", args))
        }
    }
}

impl PyDateTime {
    /// `datetime.datetime(year, month, day, hour, minute, second, microsecond, tzinfo)`.
    #[allow(clippy::too_many_arguments)]
    pub fn new<'py>(
        py: Python<'py>,
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        Self::new_with_fold(
            py,
            year,
            month,
            day,
            hour,
            minute,
            second,
            microsecond,
            tzinfo,
            false,
        )
    }

    /// Like [`new`](Self::new) with the PEP 495 `fold` attribute: `true` selects the second of
    /// two moments with the same wall time (at the end of daylight saving time).
    #[allow(clippy::too_many_arguments)]
    pub fn new_with_fold<'py>(
        py: Python<'py>,
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
        fold: bool,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        #[cfg(not(Py_LIMITED_API))]
        {
            let us = c_microsecond(microsecond)?;
            // SAFETY: attached; the arguments are what the constructor takes.
            from_capi(py, |api| unsafe {
                (api.DateTime_FromDateAndTimeAndFold)(
                    year,
                    c_int::from(month),
                    c_int::from(day),
                    c_int::from(hour),
                    c_int::from(minute),
                    c_int::from(second),
                    us,
                    opt_tz_ptr(tzinfo),
                    c_int::from(fold),
                    api.DateTimeType,
                )
            })
        }
        #[cfg(Py_LIMITED_API)]
        {
            let args = (
                year,
                month,
                day,
                hour,
                minute,
                second,
                microsecond,
                opt_tz(py, tzinfo),
            );
            cast_result(call_with_fold(types(py)?.datetime.bind(py), args, fold))
        }
    }

    /// `datetime.datetime.fromtimestamp(timestamp, tzinfo)`: local time if `tzinfo` is
    /// `None`.
    pub fn from_timestamp<'py>(
        py: Python<'py>,
        timestamp: f64,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        // SAFETY: attached; new reference or NULL with an error set.
        let ts = unsafe { ffi::PyFloat_FromDouble(timestamp).assume_owned_or_err(py)? };
        let args = (ts, opt_tz(py, tzinfo)).into_pyobject(py)?;
        #[cfg(not(Py_LIMITED_API))]
        {
            // SAFETY: attached; the arguments are what the constructor takes.
            from_capi(py, |api| unsafe {
                (api.DateTime_FromTimestamp)(
                    api.DateTimeType.cast(),
                    args.as_ptr(),
                    std::ptr::null_mut(),
                )
            })
        }
        #[cfg(Py_LIMITED_API)]
        {
            cast_result(
                types(py)?
                    .datetime
                    .bind(py)
                    .call_method1("fromtimestamp", args),
            )
        }
    }
}

impl PyTime {
    /// `datetime.time(hour, minute, second, microsecond, tzinfo)`.
    pub fn new<'py>(
        py: Python<'py>,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyTime>> {
        Self::new_with_fold(py, hour, minute, second, microsecond, tzinfo, false)
    }

    /// Like [`new`](Self::new) with the PEP 495 `fold` attribute.
    pub fn new_with_fold<'py>(
        py: Python<'py>,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
        fold: bool,
    ) -> PyResult<Bound<'py, PyTime>> {
        #[cfg(not(Py_LIMITED_API))]
        {
            let us = c_microsecond(microsecond)?;
            // SAFETY: attached; the arguments are what the constructor takes.
            from_capi(py, |api| unsafe {
                (api.Time_FromTimeAndFold)(
                    c_int::from(hour),
                    c_int::from(minute),
                    c_int::from(second),
                    us,
                    opt_tz_ptr(tzinfo),
                    c_int::from(fold),
                    api.TimeType,
                )
            })
        }
        #[cfg(Py_LIMITED_API)]
        {
            let args = (hour, minute, second, microsecond, opt_tz(py, tzinfo));
            cast_result(call_with_fold(types(py)?.time.bind(py), args, fold))
        }
    }
}

impl PyDelta {
    /// `datetime.timedelta(days, seconds, microseconds)`.
    ///
    /// With `normalize`, seconds and microseconds may be out of their usual ranges and are
    /// carried over; without it they must already be normalized (`0 <= seconds < 86400`,
    /// `0 <= microseconds < 1000000`). `OverflowError` if `days` is out of range.
    pub fn new(
        py: Python<'_>,
        days: i32,
        seconds: i32,
        microseconds: i32,
        normalize: bool,
    ) -> PyResult<Bound<'_, PyDelta>> {
        #[cfg(not(Py_LIMITED_API))]
        {
            // SAFETY: attached; the arguments are what the constructor takes.
            from_capi(py, |api| unsafe {
                (api.Delta_FromDelta)(
                    days,
                    seconds,
                    microseconds,
                    c_int::from(normalize),
                    api.DeltaType,
                )
            })
        }
        #[cfg(Py_LIMITED_API)]
        {
            let _ = normalize;
            let args = (days, seconds, microseconds);
            cast_result(types(py)?.timedelta.bind(py).call1(args))
        }
    }
}

impl PyTzInfo {
    /// `datetime.timezone.utc`.
    pub fn utc(py: Python<'_>) -> PyResult<Borrowed<'static, '_, PyTzInfo>> {
        #[cfg(not(Py_LIMITED_API))]
        {
            let api = api(py)?;
            // SAFETY: the UTC singleton lives as long as the `datetime` module (forever).
            Ok(unsafe { Borrowed::from_ptr(py, api.TimeZone_UTC).cast_unchecked() })
        }
        #[cfg(Py_LIMITED_API)]
        {
            static UTC: crate::sync::PyOnceLock<Py<PyTzInfo>> = crate::sync::PyOnceLock::new();
            UTC.get_or_try_init(py, || -> PyResult<_> {
                let utc = types(py)?.timezone.bind(py).getattr("utc")?;
                Ok(utc.cast_into::<PyTzInfo>()?.unbind())
            })
            .map(|u| u.bind_borrowed(py))
        }
    }

    /// `zoneinfo.ZoneInfo(iana_name)`, e.g. `"Europe/Paris"`.
    pub fn timezone<'py, T>(py: Python<'py>, iana_name: T) -> PyResult<Bound<'py, PyTzInfo>>
    where
        T: IntoPyObject<'py, Target = PyString>,
    {
        let name = crate::conversion::BoundObject::into_bound(
            iana_name.into_pyobject(py).map_err(Into::<PyErr>::into)?,
        )
        .into_any();
        static ZONE_INFO: crate::sync::PyOnceLock<crate::Py<crate::types::PyType>> =
            crate::sync::PyOnceLock::new();
        let zone_info = ZONE_INFO.import(py, "zoneinfo", "ZoneInfo")?;
        Ok(zone_info.call1((name,))?.cast_into::<PyTzInfo>()?)
    }

    /// `datetime.timezone(offset)`: a fixed offset from UTC (strictly between -24h and 24h).
    pub fn fixed_offset<'py, T>(py: Python<'py>, offset: T) -> PyResult<Bound<'py, PyTzInfo>>
    where
        T: IntoPyObject<'py, Target = PyDelta>,
    {
        let offset = offset.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        #[cfg(not(Py_LIMITED_API))]
        {
            // SAFETY: attached; the arguments are what the constructor takes.
            from_capi(py, |api| unsafe {
                (api.TimeZone_FromTimeZone)(
                    crate::conversion::BoundObject::as_ptr(&offset),
                    std::ptr::null_mut(),
                )
            })
        }
        #[cfg(Py_LIMITED_API)]
        {
            let offset = crate::conversion::BoundObject::into_bound(offset).into_any();
            cast_result(types(py)?.timezone.bind(py).call1((offset,)))
        }
    }
}

/// `datetime.timezone.utc` as a new reference.
pub fn timezone_utc(py: Python<'_>) -> Bound<'_, PyTzInfo> {
    PyTzInfo::utc(py)
        .expect("failed to import datetime.timezone.utc")
        .to_owned()
}

// ---------------------------------------------------------------------------------------------
// Field access.

/// Reads the date fields of a date or datetime.
pub trait PyDateAccess {
    /// The year (1 to 9999).
    fn get_year(&self) -> i32;
    /// The month (1 to 12).
    fn get_month(&self) -> u8;
    /// The day of the month (1 to 31).
    fn get_day(&self) -> u8;
}

/// Reads the fields of a timedelta (normalized: only `days` may be negative).
pub trait PyDeltaAccess {
    /// Days, between -999999999 and 999999999.
    fn get_days(&self) -> i32;
    /// Seconds, from 0 to 86399.
    fn get_seconds(&self) -> i32;
    /// Microseconds, from 0 to 999999.
    fn get_microseconds(&self) -> i32;
}

/// Reads the time fields of a time or datetime.
pub trait PyTimeAccess {
    /// The hour (0 to 23).
    fn get_hour(&self) -> u8;
    /// The minute (0 to 59).
    fn get_minute(&self) -> u8;
    /// The second (0 to 59).
    fn get_second(&self) -> u8;
    /// The microsecond (0 to 999999).
    fn get_microsecond(&self) -> u32;
    /// The PEP 495 fold.
    fn get_fold(&self) -> bool;
}

/// Reads the `tzinfo` of a time or datetime.
pub trait PyTzInfoAccess<'py> {
    /// The time zone, or `None` for naive values.
    fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>>;
}

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod access {
    use super::*;

    // SAFETY (all impls): the receivers are instances of the matching C types, whose fields
    // the ffi accessors read directly.

    /// A `datetime` starts with the fields of a `date`, so the same accessors read both.
    macro_rules! impl_date_access {
        ($($ty:ty),*) => {$(
            impl PyDateAccess for Bound<'_, $ty> {
                fn get_year(&self) -> i32 {
                    unsafe { ffi::PyDateTime_GET_YEAR(self.as_ptr()) }
                }
                fn get_month(&self) -> u8 {
                    unsafe { ffi::PyDateTime_GET_MONTH(self.as_ptr()) as u8 }
                }
                fn get_day(&self) -> u8 {
                    unsafe { ffi::PyDateTime_GET_DAY(self.as_ptr()) as u8 }
                }
            }
        )*};
    }

    impl_date_access!(PyDate, PyDateTime);

    /// `time` and `datetime` have the same time fields, read by differently named ffi
    /// accessors.
    macro_rules! impl_time_access {
        (
            $ty:ty: $hour:ident, $minute:ident, $second:ident, $microsecond:ident, $fold:ident,
            $tzinfo:ident
        ) => {
            impl PyTimeAccess for Bound<'_, $ty> {
                fn get_hour(&self) -> u8 {
                    unsafe { ffi::$hour(self.as_ptr()) as u8 }
                }
                fn get_minute(&self) -> u8 {
                    unsafe { ffi::$minute(self.as_ptr()) as u8 }
                }
                fn get_second(&self) -> u8 {
                    unsafe { ffi::$second(self.as_ptr()) as u8 }
                }
                fn get_microsecond(&self) -> u32 {
                    unsafe { ffi::$microsecond(self.as_ptr()) as u32 }
                }
                fn get_fold(&self) -> bool {
                    unsafe { ffi::$fold(self.as_ptr()) != 0 }
                }
            }

            impl<'py> PyTzInfoAccess<'py> for Bound<'py, $ty> {
                fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>> {
                    let tz = unsafe { ffi::$tzinfo(self.as_ptr()) };
                    tz_from_borrowed(self.py(), tz)
                }
            }
        };
    }

    impl_time_access!(
        PyDateTime: PyDateTime_DATE_GET_HOUR,
        PyDateTime_DATE_GET_MINUTE,
        PyDateTime_DATE_GET_SECOND,
        PyDateTime_DATE_GET_MICROSECOND,
        PyDateTime_DATE_GET_FOLD,
        PyDateTime_DATE_GET_TZINFO
    );
    impl_time_access!(
        PyTime: PyDateTime_TIME_GET_HOUR,
        PyDateTime_TIME_GET_MINUTE,
        PyDateTime_TIME_GET_SECOND,
        PyDateTime_TIME_GET_MICROSECOND,
        PyDateTime_TIME_GET_FOLD,
        PyDateTime_TIME_GET_TZINFO
    );

    impl PyDeltaAccess for Bound<'_, PyDelta> {
        fn get_days(&self) -> i32 {
            unsafe { ffi::PyDateTime_DELTA_GET_DAYS(self.as_ptr()) }
        }
        fn get_seconds(&self) -> i32 {
            unsafe { ffi::PyDateTime_DELTA_GET_SECONDS(self.as_ptr()) }
        }
        fn get_microseconds(&self) -> i32 {
            unsafe { ffi::PyDateTime_DELTA_GET_MICROSECONDS(self.as_ptr()) }
        }
    }

    fn tz_from_borrowed(py: Python<'_>, tz: *mut ffi::PyObject) -> Option<Bound<'_, PyTzInfo>> {
        // SAFETY: the accessors return a borrowed reference, `Py_None` when naive.
        unsafe {
            if tz.is_null() || tz == ffi::Py_None() {
                None
            } else {
                Some(Bound::from_borrowed_ptr(py, tz).cast_into_unchecked())
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Crate-internal accessors that work with every API (used by the std::time conversions).

/// `(days, seconds, microseconds)` of a timedelta.
pub(crate) fn delta_parts(delta: &Bound<'_, PyDelta>) -> PyResult<(i64, i64, i64)> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        Ok((
            i64::from(delta.get_days()),
            i64::from(delta.get_seconds()),
            i64::from(delta.get_microseconds()),
        ))
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        let get = |name: &str| -> PyResult<i64> {
            let v = delta.getattr(name)?;
            // SAFETY: attached; the attributes are ints.
            let r = unsafe { ffi::PyLong_AsLongLong(v.as_ptr()) };
            if r == -1 && PyErr::occurred(delta.py()) {
                return Err(PyErr::fetch(delta.py()));
            }
            Ok(r)
        };
        Ok((get("days")?, get("seconds")?, get("microseconds")?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_checks() {
        Python::attach(|py| {
            let d = PyDate::new(py, 2000, 1, 2).unwrap();
            let dt = PyDateTime::new(py, 2000, 1, 2, 3, 4, 5, 6, None).unwrap();
            assert!(d.is_instance_of::<PyDate>());
            assert!(!d.is_instance_of::<PyDateTime>());
            // datetime is a subclass of date
            assert!(dt.is_instance_of::<PyDate>());
            assert!(dt.is_instance_of::<PyDateTime>());
            let utc = PyTzInfo::utc(py).unwrap();
            assert!(utc.is_instance_of::<PyTzInfo>());
            assert_eq!(utc.str().unwrap(), "UTC");
        });
    }

    #[test]
    fn delta_parts_normalized() {
        Python::attach(|py| {
            let d = PyDelta::new(py, 0, -1, 0, true).unwrap();
            assert_eq!(delta_parts(&d).unwrap(), (-1, 86399, 0));
        });
    }
}
