//! Conversions of [`time`] types to and from Python's `datetime` module (feature `time`).
//!
//! | Rust | Python |
//! | --- | --- |
//! | [`Date`] | `datetime.date` |
//! | [`Time`] | `datetime.time` (naive) |
//! | [`PrimitiveDateTime`] | `datetime.datetime` without `tzinfo` |
//! | [`OffsetDateTime`] | `datetime.datetime` with a fixed-offset `datetime.timezone` |
//! | [`UtcDateTime`] | `datetime.datetime` with `datetime.timezone.utc` |
//! | [`UtcOffset`] | `datetime.timezone` |
//! | [`Duration`] | `datetime.timedelta` |
//!
//! Edge cases:
//! - Python has microsecond precision: nanoseconds are truncated.
//! - Extracting a `PrimitiveDateTime` from an aware datetime raises `TypeError: expected a
//!   datetime without tzinfo`; `OffsetDateTime` and `UtcDateTime` from a naive one raise
//!   `TypeError: expected a datetime with non-None tzinfo`. An aware datetime in any zone
//!   (also `zoneinfo.ZoneInfo`) extracts with the offset Python reports for it
//!   (`utcoffset()`); `UtcDateTime` converts it to UTC.
//! - `UtcOffset` extracts from any `tzinfo` with a fixed offset; zones whose offset depends
//!   on the date raise `TypeError`.
//! - Durations beyond `timedelta`'s range (999 999 999 days) raise `OverflowError`; dates
//!   outside years 1..=9999 raise `ValueError` (from Python).
//!
//! ```
//! use pyo3::prelude::*;
//! use time::{Date, Month, OffsetDateTime, Time, UtcOffset};
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let date = Date::from_calendar_date(2024, Month::March, 1).unwrap();
//!     let dt = date
//!         .with_time(Time::from_hms(8, 0, 0).unwrap())
//!         .assume_offset(UtcOffset::from_hms(2, 0, 0).unwrap());
//!     let obj = dt.into_pyobject(py)?;
//!     assert_eq!(obj.str()?.to_string(), "2024-03-01 08:00:00+02:00");
//!     assert_eq!(obj.extract::<OffsetDateTime>()?, dt);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use time::{
    Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcDateTime, UtcOffset,
};

use super::datetime_parts::{
    date_fields, delta_fields, delta_from_truncated, into_by_ref, naive_datetime,
    required_fixed_offset_seconds, time_fields, timezone_from_seconds, tzinfo_of,
};
use crate::exceptions::{PyTypeError, PyValueError};
use crate::types::{PyAnyMethods, PyDate, PyDateTime, PyDelta, PyTime, PyTzInfo};
use crate::{intern, Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, PyResult, Python};

fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

// --- Duration -------------------------------------------------------------------------------

impl<'py> IntoPyObject<'py> for Duration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        delta_from_truncated(
            py,
            self.whole_seconds(),
            i64::from(self.subsec_nanoseconds()),
        )
    }
}

into_by_ref!(Duration, PyDelta);

impl FromPyObject<'_, '_> for Duration {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let (days, seconds, micros) = delta_fields(&*obj.cast::<PyDelta>()?)?;
        Ok(Duration::days(days) + Duration::seconds(seconds) + Duration::microseconds(micros))
    }
}

// --- Date and Time --------------------------------------------------------------------------

fn date_from_fields(year: i32, month: u8, day: u8) -> PyResult<Date> {
    let month = Month::try_from(month).map_err(value_error)?;
    Date::from_calendar_date(year, month, day).map_err(value_error)
}

fn time_of(obj: &Bound<'_, PyAny>) -> PyResult<Time> {
    let t = time_fields(obj)?;
    Time::from_hms_micro(t.hour, t.minute, t.second, t.microsecond).map_err(value_error)
}

fn primitive_of(obj: &Bound<'_, PyAny>) -> PyResult<PrimitiveDateTime> {
    let (y, m, d) = date_fields(obj)?;
    Ok(PrimitiveDateTime::new(
        date_from_fields(y, m, d)?,
        time_of(obj)?,
    ))
}

impl<'py> IntoPyObject<'py> for Date {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PyDate::new(py, self.year(), self.month().into(), self.day())
    }
}

into_by_ref!(Date, PyDate);

impl FromPyObject<'_, '_> for Date {
    type Error = PyErr;

    /// Accepts `datetime.date` (and `datetime.datetime`, whose time is dropped).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let date = obj.cast::<PyDate>()?;
        let (y, m, d) = date_fields(date.as_any())?;
        date_from_fields(y, m, d)
    }
}

impl<'py> IntoPyObject<'py> for Time {
    type Target = PyTime;
    type Output = Bound<'py, PyTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let (h, m, s, us) = self.as_hms_micro();
        PyTime::new(py, h, m, s, us, None)
    }
}

into_by_ref!(Time, PyTime);

impl FromPyObject<'_, '_> for Time {
    type Error = PyErr;

    /// Accepts `datetime.time`; its `tzinfo`, if any, is ignored.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        time_of(obj.cast::<PyTime>()?.as_any())
    }
}

// --- PrimitiveDateTime ----------------------------------------------------------------------

fn datetime_into_py<'py>(
    py: Python<'py>,
    dt: PrimitiveDateTime,
    tzinfo: Option<&Bound<'py, PyTzInfo>>,
) -> PyResult<Bound<'py, PyDateTime>> {
    let (h, m, s, us) = dt.time().as_hms_micro();
    PyDateTime::new(
        py,
        dt.year(),
        dt.month().into(),
        dt.day(),
        h,
        m,
        s,
        us,
        tzinfo,
    )
}

impl<'py> IntoPyObject<'py> for PrimitiveDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        datetime_into_py(py, self, None)
    }
}

impl<'py> IntoPyObject<'py> for &PrimitiveDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        datetime_into_py(py, *self, None)
    }
}

impl FromPyObject<'_, '_> for PrimitiveDateTime {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let dt = naive_datetime(obj)?;
        primitive_of(dt.as_any())
    }
}

// --- UtcOffset ------------------------------------------------------------------------------

impl<'py> IntoPyObject<'py> for UtcOffset {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// `datetime.timezone(timedelta(seconds=offset))` (`timezone.utc` for zero).
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if self.is_utc() {
            return Ok(PyTzInfo::utc(py)?.to_owned());
        }
        timezone_from_seconds(py, i64::from(self.whole_seconds()))
    }
}

into_by_ref!(UtcOffset, PyTzInfo);

fn offset_from_seconds(seconds: i64) -> PyResult<UtcOffset> {
    let seconds = i32::try_from(seconds).map_err(value_error)?;
    UtcOffset::from_whole_seconds(seconds).map_err(value_error)
}

impl FromPyObject<'_, '_> for UtcOffset {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let tz = obj.cast::<PyTzInfo>()?;
        offset_from_seconds(required_fixed_offset_seconds(&tz)?)
    }
}

// --- OffsetDateTime and UtcDateTime ---------------------------------------------------------

/// The wall clock and UTC offset of an aware `datetime`.
fn aware_parts(obj: Borrowed<'_, '_, PyAny>) -> PyResult<(PrimitiveDateTime, UtcOffset)> {
    let dt = obj.cast::<PyDateTime>()?;
    if tzinfo_of(dt.as_any())?.is_none() {
        return Err(PyTypeError::new_err(
            "expected a datetime with non-None tzinfo",
        ));
    }
    let offset = dt.call_method0(intern!(obj.py(), "utcoffset"))?;
    let (days, seconds, _) = delta_fields(offset.cast::<PyDelta>()?)?;
    Ok((
        primitive_of(dt.as_any())?,
        offset_from_seconds(days * 86_400 + seconds)?,
    ))
}

impl<'py> IntoPyObject<'py> for OffsetDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let tz = self.offset().into_pyobject(py)?;
        datetime_into_py(
            py,
            PrimitiveDateTime::new(self.date(), self.time()),
            Some(&tz),
        )
    }
}

into_by_ref!(OffsetDateTime, PyDateTime);

impl FromPyObject<'_, '_> for OffsetDateTime {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let (wall, offset) = aware_parts(obj)?;
        Ok(wall.assume_offset(offset))
    }
}

impl<'py> IntoPyObject<'py> for UtcDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let tz = PyTzInfo::utc(py)?.to_owned();
        datetime_into_py(
            py,
            PrimitiveDateTime::new(self.date(), self.time()),
            Some(&tz),
        )
    }
}

into_by_ref!(UtcDateTime, PyDateTime);

impl FromPyObject<'_, '_> for UtcDateTime {
    type Error = PyErr;

    /// Accepts an aware datetime in any zone and converts it to UTC.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let (wall, offset) = aware_parts(obj)?;
        Ok(wall.assume_offset(offset).to_utc())
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::PyOverflowError;

    #[test]
    fn round_trips() {
        Python::attach(|py| {
            let date = Date::from_calendar_date(2000, Month::February, 29).unwrap();
            let t = Time::from_hms_nano(23, 59, 59, 123_456_789).unwrap();
            let pdt = PrimitiveDateTime::new(date, t);
            let obj = pdt.into_pyobject(py).unwrap();
            assert_eq!(obj.str().unwrap().to_string(), "2000-02-29 23:59:59.123456");
            let back: PrimitiveDateTime = obj.extract().unwrap();
            assert_eq!(back.nanosecond(), 123_456_000);
            assert_eq!(obj.extract::<Date>().unwrap(), date);

            let offset = UtcOffset::from_hms(-3, -30, 0).unwrap();
            let odt = pdt.assume_offset(offset);
            let obj = (&odt).into_pyobject(py).unwrap();
            assert_eq!(
                obj.str().unwrap().to_string(),
                "2000-02-29 23:59:59.123456-03:30"
            );
            let err = obj.extract::<UtcOffset>().unwrap_err();
            assert!(
                err.is_instance_of::<PyTypeError>(py),
                "a datetime is not a tzinfo"
            );
            let utc: UtcDateTime = obj.extract().unwrap();
            assert_eq!(utc.hour(), 3);
            let utc_obj = utc.into_pyobject(py).unwrap();
            assert_eq!(
                utc_obj.str().unwrap().to_string(),
                "2000-03-01 03:29:59.123456+00:00"
            );

            let tz = offset.into_pyobject(py).unwrap();
            assert_eq!(tz.extract::<UtcOffset>().unwrap(), offset);

            let err = obj.extract::<PrimitiveDateTime>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "TypeError: expected a datetime without tzinfo"
            );
            let naive = pdt.into_pyobject(py).unwrap();
            let err = naive.extract::<OffsetDateTime>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "TypeError: expected a datetime with non-None tzinfo"
            );
        });
    }

    #[test]
    fn durations() {
        Python::attach(|py| {
            for d in [
                Duration::ZERO,
                Duration::new(-1, 500_000_000),
                Duration::new(86_400 * 3 + 7, 1_000),
                Duration::new(-86_400 * 999_999_999, 0),
            ] {
                let obj = d.into_pyobject(py).unwrap();
                assert_eq!(obj.extract::<Duration>().unwrap(), d);
            }
            let neg_half = Duration::milliseconds(-500).into_pyobject(py).unwrap();
            assert_eq!(
                neg_half.repr().unwrap().to_string(),
                "datetime.timedelta(days=-1, seconds=86399, microseconds=500000)"
            );
            let err = Duration::MAX.into_pyobject(py).unwrap_err();
            assert!(err.is_instance_of::<PyOverflowError>(py));
        });
    }
}
