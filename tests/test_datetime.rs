#![cfg(feature = "auto-initialize")]
//! The datetime types and the std::time conversions.

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{timezone_utc, PyDate, PyDateTime, PyDelta, PyDict, PyString, PyTime, PyTzInfo};

fn repr(obj: &Bound<'_, PyAny>) -> String {
    obj.repr().unwrap().extract::<String>().unwrap()
}

/// The message of `err`, which must be exactly a `ValueError` (callers compare the message).
fn value_error(py: Python<'_>, err: PyErr) -> String {
    assert!(err.get_type(py).is(py.get_type::<PyValueError>()), "{err}");
    err.value(py).to_string()
}

/// The message before 3.14, or the one 3.14 words differently (it adds the rejected value).
fn since_3_14(py: Python<'_>, before: &'static str, from_3_14: &'static str) -> &'static str {
    if py.version_info() >= (3, 14) {
        from_3_14
    } else {
        before
    }
}

#[test]
fn date_construction() {
    Python::attach(|py| {
        let d = PyDate::new(py, 2024, 2, 29).unwrap();
        assert_eq!(repr(&d), "datetime.date(2024, 2, 29)");
        assert_eq!(d.get_refcnt(), 1);
        assert_eq!(
            value_error(py, PyDate::new(py, 2023, 2, 29).unwrap_err()),
            since_3_14(
                py,
                "day is out of range for month",
                "day 29 must be in range 1..28 for month 2 in year 2023"
            )
        );
        assert_eq!(
            value_error(py, PyDate::new(py, 2023, 13, 1).unwrap_err()),
            since_3_14(
                py,
                "month must be in 1..12",
                "month must be in 1..12, not 13"
            )
        );
        let d = PyDate::from_timestamp(py, 86_400.0 * 365.0 + 0.5).unwrap();
        let expected = py
            .eval(
                c"__import__('datetime').date.fromtimestamp(86400 * 365)",
                None,
                None,
            )
            .unwrap();
        assert!(d.eq(expected).unwrap());
    });
}

#[test]
fn datetime_construction() {
    Python::attach(|py| {
        let dt = PyDateTime::new(py, 2001, 2, 3, 4, 5, 6, 7, None).unwrap();
        assert_eq!(repr(&dt), "datetime.datetime(2001, 2, 3, 4, 5, 6, 7)");
        let utc = PyTzInfo::utc(py).unwrap();
        let dt = PyDateTime::new(py, 2001, 2, 3, 4, 5, 6, 7, Some(&utc)).unwrap();
        assert_eq!(
            repr(&dt),
            "datetime.datetime(2001, 2, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc)"
        );
        let dt = PyDateTime::new_with_fold(py, 2001, 2, 3, 4, 5, 6, 7, None, true).unwrap();
        assert_eq!(dt.getattr("fold").unwrap().extract::<i64>().unwrap(), 1);
        assert_eq!(
            value_error(
                py,
                PyDateTime::new(py, 2001, 2, 3, 4, 5, 6, 1_000_000, None).unwrap_err()
            ),
            since_3_14(
                py,
                "microsecond must be in 0..999999",
                "microsecond must be in 0..999999, not 1000000"
            )
        );
        assert_eq!(
            value_error(
                py,
                PyDateTime::new(py, 2001, 2, 3, 24, 0, 0, 0, None).unwrap_err()
            ),
            since_3_14(py, "hour must be in 0..23", "hour must be in 0..23, not 24")
        );
        let dt = PyDateTime::from_timestamp(py, 1.5, Some(&utc)).unwrap();
        assert_eq!(
            repr(&dt),
            "datetime.datetime(1970, 1, 1, 0, 0, 1, 500000, tzinfo=datetime.timezone.utc)"
        );
        let local = PyDateTime::from_timestamp(py, 0.0, None).unwrap();
        assert!(local.getattr("tzinfo").unwrap().is_none());
    });
}

#[test]
fn time_and_delta_construction() {
    Python::attach(|py| {
        let t = PyTime::new(py, 23, 59, 58, 999_999, None).unwrap();
        assert_eq!(repr(&t), "datetime.time(23, 59, 58, 999999)");
        let t = PyTime::new_with_fold(py, 1, 2, 3, 0, None, true).unwrap();
        assert_eq!(repr(&t), "datetime.time(1, 2, 3, fold=1)");
        assert_eq!(
            value_error(py, PyTime::new(py, 24, 0, 0, 0, None).unwrap_err()),
            since_3_14(py, "hour must be in 0..23", "hour must be in 0..23, not 24")
        );
        let d = PyDelta::new(py, 1, 2, 3, false).unwrap();
        assert_eq!(
            repr(&d),
            "datetime.timedelta(days=1, seconds=2, microseconds=3)"
        );
        let d = PyDelta::new(py, 0, 86_401, -1, true).unwrap();
        assert_eq!(repr(&d), "datetime.timedelta(days=1, microseconds=999999)");
        let err = PyDelta::new(py, 1_000_000_000, 0, 0, true).unwrap_err();
        common::assert_err::<PyOverflowError>(
            py,
            &err,
            "days=1000000000; must have magnitude <= 999999999",
        );
        assert_eq!(
            err.value(py).to_string(),
            "days=1000000000; must have magnitude <= 999999999"
        );
    });
}

#[test]
fn tzinfo_constructors() {
    Python::attach(|py| {
        let utc = PyTzInfo::utc(py).unwrap();
        let utc2 = timezone_utc(py);
        assert!(utc.is(&utc2));
        let expected = py
            .eval(c"__import__('datetime').timezone.utc", None, None)
            .unwrap();
        assert!(utc.is(&expected));

        let offset = PyDelta::new(py, 0, 3600, 0, true).unwrap();
        let tz = PyTzInfo::fixed_offset(py, &offset).unwrap();
        assert_eq!(
            repr(&tz),
            "datetime.timezone(datetime.timedelta(seconds=3600))"
        );
        let too_big = PyDelta::new(py, 1, 0, 0, true).unwrap();
        assert_eq!(
            value_error(py, PyTzInfo::fixed_offset(py, too_big).unwrap_err()),
            since_3_14(
                py,
                "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not datetime.timedelta(days=1).",
                "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not datetime.timedelta(days=1)"
            )
        );

        let paris = PyTzInfo::timezone(py, "Europe/Paris").unwrap();
        assert_eq!(paris.str().unwrap(), "Europe/Paris");
        let err = PyTzInfo::timezone(py, "Nowhere/Nothing").unwrap_err();
        assert_eq!(err.get_type(py).name().unwrap(), "ZoneInfoNotFoundError");
        assert_eq!(
            err.value(py).to_string(),
            "'No time zone found with key Nowhere/Nothing'"
        );
        let name = PyString::new(py, "UTC");
        let tz = PyTzInfo::timezone(py, &name).unwrap();
        assert!(tz.is_instance_of::<PyTzInfo>());
    });
}

#[test]
fn type_checks_and_cast_errors() {
    Python::attach(|py| {
        let dt = PyDateTime::new(py, 2001, 1, 1, 0, 0, 0, 0, None).unwrap();
        assert!(dt.is_instance_of::<PyDate>());
        assert!(dt.is_exact_instance_of::<PyDateTime>());
        assert!(!dt.is_exact_instance_of::<PyDate>());
        let err = dt.as_any().cast::<PyTime>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'datetime' object is not an instance of 'time'"
        );
        let err = py.None().into_bound(py).cast_into::<PyDelta>().unwrap_err();
        assert_eq!(err.to_string(), "'None' is not an instance of 'timedelta'");
        let utc = PyTzInfo::utc(py).unwrap();
        assert!(utc.is_instance_of::<PyTzInfo>());
        // Subclass instances pass the checks.
        let g = PyDict::new(py);
        py.run(
            c"import datetime\nclass D(datetime.date): pass\nd = D(2000, 1, 1)\n",
            Some(&g),
            None,
        )
        .unwrap();
        let d = g.get_item("d").unwrap().unwrap();
        assert!(d.is_instance_of::<PyDate>());
        assert!(!d.is_exact_instance_of::<PyDate>());
    });
}

// Runs with the C-struct accessors, and with the attribute-based ones of the limited API.
#[test]
fn access_traits() {
    use pyo3::types::{PyDateAccess, PyDeltaAccess, PyTimeAccess, PyTzInfoAccess};
    Python::attach(|py| {
        let d = PyDate::new(py, 2024, 12, 31).unwrap();
        assert_eq!((d.get_year(), d.get_month(), d.get_day()), (2024, 12, 31));
        let utc = PyTzInfo::utc(py).unwrap();
        let dt =
            PyDateTime::new_with_fold(py, 1999, 1, 2, 3, 4, 5, 678_901, Some(&utc), true).unwrap();
        assert_eq!((dt.get_year(), dt.get_month(), dt.get_day()), (1999, 1, 2));
        assert_eq!(
            (
                dt.get_hour(),
                dt.get_minute(),
                dt.get_second(),
                dt.get_microsecond()
            ),
            (3, 4, 5, 678_901)
        );
        assert!(dt.get_fold());
        assert!(dt.get_tzinfo().unwrap().is(&*utc));
        // A non-immortal time zone for the reference count check.
        let plus_two = PyDelta::new(py, 0, 7200, 0, true).unwrap();
        let tz = PyTzInfo::fixed_offset(py, plus_two).unwrap();
        let dt = PyDateTime::new(py, 1999, 1, 2, 3, 4, 5, 0, Some(&tz)).unwrap();
        assert_eq!(tz.get_refcnt(), 2);
        let got = dt.get_tzinfo().unwrap();
        assert!(got.is(&tz));
        assert_eq!(tz.get_refcnt(), 3);
        drop(got);
        assert_eq!(tz.get_refcnt(), 2);
        let naive = PyDateTime::new(py, 1999, 1, 2, 3, 4, 5, 0, None).unwrap();
        assert!(naive.get_tzinfo().is_none());
        assert!(!naive.get_fold());

        let t = PyTime::new(py, 13, 14, 15, 16, Some(&utc)).unwrap();
        assert_eq!(
            (
                t.get_hour(),
                t.get_minute(),
                t.get_second(),
                t.get_microsecond()
            ),
            (13, 14, 15, 16)
        );
        assert!(t.get_tzinfo().unwrap().is(&*utc));
        assert!(!t.get_fold());

        let delta = PyDelta::new(py, 0, -1, 0, true).unwrap();
        assert_eq!(
            (
                delta.get_days(),
                delta.get_seconds(),
                delta.get_microseconds()
            ),
            (-1, 86_399, 0)
        );
    });
}

#[test]
fn duration_conversions() {
    Python::attach(|py| {
        let d = Duration::new(3 * 86_400 + 7, 123_456_789);
        let delta = d.into_pyobject(py).unwrap();
        assert_eq!(delta.get_refcnt(), 1);
        assert_eq!(
            repr(&delta),
            "datetime.timedelta(days=3, seconds=7, microseconds=123456)"
        );
        let back: Duration = delta.extract().unwrap();
        assert_eq!(back, Duration::new(3 * 86_400 + 7, 123_456_000));
        assert_eq!(delta.get_refcnt(), 1);
        assert_eq!(
            repr(&(&Duration::ZERO).into_pyobject(py).unwrap()),
            "datetime.timedelta(0)"
        );

        let err = Duration::from_secs(1_000_000_000 * 86_400)
            .into_pyobject(py)
            .unwrap_err();
        common::assert_err::<PyOverflowError>(
            py,
            &err,
            "days=1000000000; must have magnitude <= 999999999",
        );
        assert_eq!(
            err.value(py).to_string(),
            "days=1000000000; must have magnitude <= 999999999"
        );
        let err = Duration::MAX.into_pyobject(py).unwrap_err();
        common::assert_err::<PyOverflowError>(
            py,
            &err,
            "Duration is too large to be converted to a timedelta",
        );

        let negative = PyDelta::new(py, 0, -1, 0, true).unwrap();
        let err = negative.extract::<Duration>().unwrap_err();
        assert_eq!(
            value_error(py, err),
            "It is not possible to convert a negative timedelta to a Rust Duration"
        );
        let err = PyString::new(py, "1s").extract::<Duration>().unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "'str' object is not an instance of 'timedelta'",
        );
        assert_eq!(
            err.value(py).to_string(),
            "'str' object is not an instance of 'timedelta'"
        );
    });
}

#[test]
fn system_time_conversions() {
    Python::attach(|py| {
        let t = UNIX_EPOCH + Duration::new(1_000_000_000, 500_000_000);
        let dt = t.into_pyobject(py).unwrap();
        assert_eq!(dt.get_refcnt(), 1);
        assert_eq!(
            repr(&dt),
            "datetime.datetime(2001, 9, 9, 1, 46, 40, 500000, tzinfo=datetime.timezone.utc)"
        );
        assert_eq!(dt.extract::<SystemTime>().unwrap(), t);

        let before = UNIX_EPOCH - Duration::from_secs(86_400);
        let dt = (&before).into_pyobject(py).unwrap();
        assert_eq!(
            repr(&dt),
            "datetime.datetime(1969, 12, 31, 0, 0, tzinfo=datetime.timezone.utc)"
        );
        // As in PyO3, the extraction is `dt - epoch` as a `Duration`: a time before 1970 is a
        // negative `timedelta`, which it refuses.
        let err = dt.extract::<SystemTime>().unwrap_err();
        common::assert_err::<PyValueError>(
            py,
            &err,
            "It is not possible to convert a negative timedelta to a Rust Duration",
        );

        // Other time zones are converted.
        let plus_one = PyDelta::new(py, 0, 3600, 0, true).unwrap();
        let tz = PyTzInfo::fixed_offset(py, plus_one).unwrap();
        let dt = PyDateTime::new(py, 1970, 1, 1, 1, 0, 0, 0, Some(&tz)).unwrap();
        assert_eq!(dt.extract::<SystemTime>().unwrap(), UNIX_EPOCH);

        let naive = PyDateTime::new(py, 1970, 1, 1, 0, 0, 0, 0, None).unwrap();
        let err = naive.extract::<SystemTime>().unwrap_err();
        common::assert_err::<PyTypeError>(
            py,
            &err,
            "can't subtract offset-naive and offset-aware datetimes",
        );
        assert_eq!(
            err.value(py).to_string(),
            "can't subtract offset-naive and offset-aware datetimes"
        );
        let date = PyDate::new(py, 1970, 1, 1).unwrap();
        let err = date.extract::<SystemTime>().unwrap_err();
        assert_eq!(
            err.value(py).to_string(),
            "unsupported operand type(s) for -: 'datetime.date' and 'datetime.datetime'"
        );
        // Anything whose difference with the epoch is a `timedelta` is accepted.
        let later = py
            .eval(
                c"type('Later', (), {'__sub__': lambda s, o: __import__('datetime').timedelta(seconds=90)})()",
                None,
                None,
            )
            .unwrap();
        assert_eq!(
            later.extract::<SystemTime>().unwrap(),
            UNIX_EPOCH + Duration::from_secs(90)
        );

        let now = SystemTime::now();
        let back: SystemTime = now.into_pyobject(py).unwrap().extract().unwrap();
        let diff = match back.duration_since(now) {
            Ok(d) => d,
            Err(e) => e.duration(),
        };
        assert!(diff < Duration::from_micros(1));
    });
}
