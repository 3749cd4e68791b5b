//! Checks the `datetime` capsule API and the object-layout accessors on real objects.
#![cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]

use pyo3_ffi::*;

mod common;

/// [`common::with_gil`] with the `datetime` capsule imported.
fn with_gil<R>(f: impl FnOnce() -> R) -> R {
    common::with_gil(|| unsafe {
        PyDateTime_IMPORT();
        assert!(!PyDateTimeAPI().is_null(), "datetime capsule import failed");
        f()
    })
}

#[test]
fn import_is_idempotent() {
    with_gil(|| unsafe {
        let api = PyDateTimeAPI();
        PyDateTime_IMPORT();
        assert_eq!(PyDateTimeAPI(), api);
        assert!(!PyDateTime_TimeZone_UTC().is_null());
        assert!(PyTZInfo_Check(PyDateTime_TimeZone_UTC()) != 0);
        assert!(
            PyTZInfo_CheckExact(PyDateTime_TimeZone_UTC()) == 0,
            "utc is a timezone"
        );
    })
}

#[test]
fn date_and_datetime() {
    with_gil(|| unsafe {
        let date = PyDate_FromDate(2024, 2, 29);
        assert!(!date.is_null());
        assert!(PyDate_Check(date) != 0 && PyDate_CheckExact(date) != 0);
        assert!(PyDateTime_Check(date) == 0);
        assert_eq!(PyDateTime_GET_YEAR(date), 2024);
        assert_eq!(PyDateTime_GET_MONTH(date), 2);
        assert_eq!(PyDateTime_GET_DAY(date), 29);
        Py_DECREF(date);

        let dt = PyDateTime_FromDateAndTime(1999, 12, 31, 23, 59, 58, 987654);
        assert!(!dt.is_null());
        assert!(PyDateTime_CheckExact(dt) != 0);
        assert!(PyDate_Check(dt) != 0 && PyDate_CheckExact(dt) == 0);
        assert_eq!(PyDateTime_GET_YEAR(dt), 1999);
        assert_eq!(PyDateTime_GET_MONTH(dt), 12);
        assert_eq!(PyDateTime_GET_DAY(dt), 31);
        assert_eq!(PyDateTime_DATE_GET_HOUR(dt), 23);
        assert_eq!(PyDateTime_DATE_GET_MINUTE(dt), 59);
        assert_eq!(PyDateTime_DATE_GET_SECOND(dt), 58);
        assert_eq!(PyDateTime_DATE_GET_MICROSECOND(dt), 987654);
        assert_eq!(PyDateTime_DATE_GET_FOLD(dt), 0);
        assert_eq!(PyDateTime_DATE_GET_TZINFO(dt), Py_None());
        Py_DECREF(dt);

        let dt = PyDateTime_FromDateAndTimeAndFold(2021, 11, 7, 1, 30, 0, 0, 1);
        assert_eq!(PyDateTime_DATE_GET_FOLD(dt), 1);
        Py_DECREF(dt);
    })
}

#[test]
fn time_delta_timezone() {
    with_gil(|| unsafe {
        let t = PyTime_FromTime(12, 34, 56, 789);
        assert!(PyTime_Check(t) != 0 && PyTime_CheckExact(t) != 0);
        assert_eq!(PyDateTime_TIME_GET_HOUR(t), 12);
        assert_eq!(PyDateTime_TIME_GET_MINUTE(t), 34);
        assert_eq!(PyDateTime_TIME_GET_SECOND(t), 56);
        assert_eq!(PyDateTime_TIME_GET_MICROSECOND(t), 789);
        assert_eq!(PyDateTime_TIME_GET_FOLD(t), 0);
        assert_eq!(PyDateTime_TIME_GET_TZINFO(t), Py_None());
        Py_DECREF(t);
        let t = PyTime_FromTimeAndFold(1, 2, 3, 4, 1);
        assert_eq!(PyDateTime_TIME_GET_FOLD(t), 1);
        Py_DECREF(t);

        // Normalization: -1 second == -1 day + 86399 seconds.
        let d = PyDelta_FromDSU(0, -1, 0);
        assert!(PyDelta_Check(d) != 0 && PyDelta_CheckExact(d) != 0);
        assert_eq!(PyDateTime_DELTA_GET_DAYS(d), -1);
        assert_eq!(PyDateTime_DELTA_GET_SECONDS(d), 86399);
        assert_eq!(PyDateTime_DELTA_GET_MICROSECONDS(d), 0);

        let tz = PyTimeZone_FromOffset(d);
        assert!(!tz.is_null() && PyTZInfo_Check(tz) != 0);
        let name = PyUnicode_FromString(c"custom".as_ptr());
        let named = PyTimeZone_FromOffsetAndName(d, name);
        assert!(!named.is_null());

        // A datetime with tzinfo exposes it through the accessor.
        let api = &*PyDateTimeAPI();
        let aware = (api.DateTime_FromDateAndTime)(2000, 1, 1, 0, 0, 0, 0, tz, api.DateTimeType);
        assert!(!aware.is_null());
        assert_eq!(PyDateTime_DATE_GET_TZINFO(aware), tz);
        Py_DECREF(aware);
        Py_DECREF(named);
        Py_DECREF(name);
        Py_DECREF(tz);
        Py_DECREF(d);
    })
}

#[test]
fn from_timestamp() {
    with_gil(|| unsafe {
        let ts = PyLong_FromLong(86400 * 365);
        let args = PyTuple_Pack(2, ts, PyDateTime_TimeZone_UTC());
        let dt = PyDateTime_FromTimestamp(args);
        assert!(!dt.is_null());
        assert_eq!(PyDateTime_GET_YEAR(dt), 1971);
        assert_eq!(PyDateTime_GET_MONTH(dt), 1);
        assert_eq!(PyDateTime_GET_DAY(dt), 1);
        assert_eq!(PyDateTime_DATE_GET_TZINFO(dt), PyDateTime_TimeZone_UTC());
        Py_DECREF(dt);
        Py_DECREF(args);

        let args = PyTuple_Pack(1, ts);
        let date = PyDate_FromTimestamp(args);
        assert!(!date.is_null() && PyDate_CheckExact(date) != 0);
        Py_DECREF(date);
        Py_DECREF(args);
        Py_DECREF(ts);

        let bad = PyTuple_Pack(1, Py_None());
        assert!(PyDate_FromTimestamp(bad).is_null());
        assert!(!PyErr_Occurred().is_null());
        PyErr_Clear();
        Py_DECREF(bad);
    })
}
