#![cfg(all(feature = "auto-initialize", feature = "chrono"))]
//! chrono conversions seen from Python: `#[pyfunction]`s taking and returning chrono types.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::types::PyDict;

#[pyfunction]
fn next_day(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap()
}

#[pyfunction]
fn add_hour(dt: NaiveDateTime) -> NaiveDateTime {
    dt + Duration::hours(1)
}

#[pyfunction]
fn to_utc(dt: DateTime<FixedOffset>) -> DateTime<Utc> {
    dt.with_timezone(&Utc)
}

#[pyfunction]
fn double(d: Duration) -> Duration {
    d * 2
}

#[pyfunction]
fn offset_of(dt: DateTime<FixedOffset>) -> FixedOffset {
    *dt.offset()
}

#[pyfunction]
fn leap_second() -> NaiveTime {
    NaiveTime::from_hms_nano_opt(23, 59, 59, 1_500_000_000).unwrap()
}

fn env(py: Python<'_>) -> Bound<'_, PyDict> {
    let d = PyDict::new(py);
    for f in [
        wrap_pyfunction!(next_day, py).unwrap(),
        wrap_pyfunction!(add_hour, py).unwrap(),
        wrap_pyfunction!(to_utc, py).unwrap(),
        wrap_pyfunction!(double, py).unwrap(),
        wrap_pyfunction!(offset_of, py).unwrap(),
        wrap_pyfunction!(leap_second, py).unwrap(),
    ] {
        d.set_item(f.getattr("__name__").unwrap(), f).unwrap();
    }
    d
}

#[test]
fn chrono_from_python() {
    Python::attach(|py| {
        let env = env(py);
        py_run!(
            py,
            *env,
            r#"
import datetime as dt
assert next_day(dt.date(2024, 2, 28)) == dt.date(2024, 2, 29)
assert next_day(dt.datetime(2024, 12, 31, 5)) == dt.date(2025, 1, 1)
assert add_hour(dt.datetime(2024, 1, 1, 23, 30, 0, 7)) == dt.datetime(2024, 1, 2, 0, 30, 0, 7)
try:
    add_hour(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc))
except TypeError as e:
    assert "expected a datetime without tzinfo" in str(e), str(e)
else:
    raise AssertionError("aware datetime accepted as naive")
paris = dt.timezone(dt.timedelta(hours=1))
r = to_utc(dt.datetime(2024, 1, 1, 12, tzinfo=paris))
assert r == dt.datetime(2024, 1, 1, 11, tzinfo=dt.timezone.utc), r
assert r.tzinfo is dt.timezone.utc
try:
    to_utc(dt.datetime(2024, 1, 1))
except TypeError as e:
    assert "expected a datetime with non-None tzinfo" in str(e), str(e)
else:
    raise AssertionError("naive datetime accepted as aware")
assert double(dt.timedelta(days=-1, microseconds=3)) == dt.timedelta(days=-2, microseconds=6)
try:
    double(dt.timedelta(days=600_000_000))
except OverflowError:
    pass
else:
    raise AssertionError("expected OverflowError")
assert offset_of(dt.datetime(2024, 1, 1, tzinfo=paris)) == paris
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    t = leap_second()
assert t == dt.time(23, 59, 59, 500000), t
assert len(w) == 1 and "leap-second" in str(w[0].message), w
"#
        );
    });
}

#[test]
fn zoneinfo_datetimes() {
    Python::attach(|py| {
        let obj = py
            .eval(
                c"__import__('datetime').datetime(2024, 7, 1, 12, tzinfo=__import__('zoneinfo').ZoneInfo('Europe/Paris'))",
                None,
                None,
            )
            .unwrap();
        // A ZoneInfo's offset depends on the date: it is neither a FixedOffset nor Utc.
        let tz = obj.getattr("tzinfo").unwrap();
        let err = tz.extract::<FixedOffset>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        assert!(
            err.to_string().contains("is not a fixed offset timezone"),
            "{err}"
        );
        let err = obj.extract::<DateTime<Utc>>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: expected datetime.timezone.utc"
        );
        #[cfg(feature = "chrono-tz")]
        {
            let dt: DateTime<chrono_tz::Tz> = obj.extract().unwrap();
            assert_eq!(
                dt.with_timezone(&Utc),
                Utc.with_ymd_and_hms(2024, 7, 1, 10, 0, 0).unwrap()
            );
        }
    });
}

#[cfg(feature = "chrono-local")]
#[test]
fn local_zone_round_trip() {
    Python::attach(|py| {
        let now = chrono::Local::now();
        let obj = now.into_pyobject(py).unwrap();
        let back: DateTime<chrono::Local> = obj.extract().unwrap();
        // Python keeps microseconds.
        assert_eq!(back.timestamp_micros(), now.timestamp_micros());
        let tz = obj.getattr("tzinfo").unwrap();
        assert!(tz.extract::<chrono::Local>().is_ok());
    });
}
