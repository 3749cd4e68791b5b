//! Conversions of [`jiff`](jiff_02) 0.2 types to and from Python's `datetime` module (feature
//! `jiff-02`).
//!
//! | Rust | Python |
//! | --- | --- |
//! | `civil::Date`, `civil::ISOWeekDate` | `datetime.date` |
//! | `civil::Time` | `datetime.time` (naive) |
//! | `civil::DateTime` | `datetime.datetime` without `tzinfo` |
//! | `Timestamp` | `datetime.datetime` in `datetime.timezone.utc` (any aware one, extracting) |
//! | `Zoned` | `datetime.datetime` with the zone's `tzinfo` |
//! | `tz::TimeZone` | `zoneinfo.ZoneInfo` (IANA zones), `datetime.timezone` (fixed offsets) |
//! | `tz::Offset` | `datetime.timezone` |
//! | `SignedDuration` | `datetime.timedelta` |
//! | `Span` | from `datetime.timedelta` only (into seconds and sub-second units) |
//! | `jiff::Error` | into `ValueError` |
//!
//! Edge cases: nanoseconds are truncated to Python's microseconds; a `Zoned` in an ambiguous
//! local time sets `fold` for the later instant, and extraction uses the offset Python
//! computes for the datetime (so `fold` and gaps behave as in Python); extracting a civil
//! `DateTime` from an aware datetime raises `TypeError: expected a datetime without tzinfo`,
//! `Zoned`/`Timestamp` from a naive one `TypeError: expected a datetime with non-None tzinfo`;
//! a `tzinfo` that is neither a `ZoneInfo` known to jiff nor a fixed offset raises
//! `ValueError`.
//!
//! ```
//! use jiff_02::{civil, tz::TimeZone, Zoned};
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let tz = TimeZone::get("Europe/Berlin").unwrap();
//!     let zoned = civil::date(2024, 7, 1).at(9, 15, 0, 0).to_zoned(tz).unwrap();
//!     let obj = (&zoned).into_pyobject(py)?;
//!     assert_eq!(obj.str()?.to_string(), "2024-07-01 09:15:00+02:00");
//!     assert_eq!(obj.extract::<Zoned>()?, zoned);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use jiff_02::civil::{Date, DateTime, ISOWeekDate, Time};
use jiff_02::tz::{AmbiguousOffset, Offset, TimeZone};
use jiff_02::{SignedDuration, Span, Timestamp, Zoned};

use super::datetime_parts::{
    date_fields, delta_fields, delta_from_truncated, fixed_offset_seconds, into_by_ref,
    naive_datetime, required_fixed_offset_seconds, time_fields, timezone_from_seconds, tzinfo_of,
};
use crate::exceptions::{PyTypeError, PyValueError};
use crate::types::{PyAnyMethods, PyDate, PyDateTime, PyDelta, PyTime, PyTzInfo};
use crate::{intern, Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, PyResult, Python};

impl From<jiff_02::Error> for PyErr {
    /// A `ValueError` with jiff's message.
    fn from(e: jiff_02::Error) -> Self {
        PyValueError::new_err(e.to_string())
    }
}

// --- SignedDuration and Span ----------------------------------------------------------------

impl<'py> IntoPyObject<'py> for SignedDuration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        delta_from_truncated(py, self.as_secs(), i64::from(self.subsec_nanos()))
    }
}
into_by_ref!(SignedDuration, PyDelta);

fn signed_duration_of(obj: Borrowed<'_, '_, PyAny>) -> PyResult<SignedDuration> {
    let (days, seconds, micros) = delta_fields(&*obj.cast::<PyDelta>()?)?;
    // |days| <= 999 999 999, so the total fits in i64 seconds.
    Ok(SignedDuration::new(
        days * 86_400 + seconds,
        (micros * 1_000) as i32,
    ))
}

impl FromPyObject<'_, '_> for SignedDuration {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        signed_duration_of(obj)
    }
}

impl FromPyObject<'_, '_> for Span {
    type Error = PyErr;

    /// A `timedelta` as a span of seconds and sub-second units (no calendar units, which a
    /// `timedelta` does not have).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        Ok(Span::try_from(signed_duration_of(obj)?)?)
    }
}

// --- civil Date, ISOWeekDate, Time, DateTime ------------------------------------------------

impl<'py> IntoPyObject<'py> for Date {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PyDate::new(py, self.year().into(), self.month() as u8, self.day() as u8)
    }
}
into_by_ref!(Date, PyDate);

fn date_of(obj: &Bound<'_, PyAny>) -> PyResult<Date> {
    let (y, m, d) = date_fields(obj)?;
    // Python's years are 1..=9999: they fit in i16.
    Ok(Date::new(y as i16, m as i8, d as i8)?)
}

impl FromPyObject<'_, '_> for Date {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        date_of(obj.cast::<PyDate>()?.as_any())
    }
}

impl<'py> IntoPyObject<'py> for ISOWeekDate {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.date().into_pyobject(py)
    }
}
into_by_ref!(ISOWeekDate, PyDate);

impl FromPyObject<'_, '_> for ISOWeekDate {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        Ok(obj.extract::<Date>()?.iso_week_date())
    }
}

fn py_time_parts(time: Time) -> (u8, u8, u8, u32) {
    (
        time.hour() as u8,
        time.minute() as u8,
        time.second() as u8,
        (time.subsec_nanosecond() / 1_000) as u32,
    )
}

impl<'py> IntoPyObject<'py> for Time {
    type Target = PyTime;
    type Output = Bound<'py, PyTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let (h, m, s, us) = py_time_parts(self);
        PyTime::new(py, h, m, s, us, None)
    }
}
into_by_ref!(Time, PyTime);

fn time_of(obj: &Bound<'_, PyAny>) -> PyResult<Time> {
    let t = time_fields(obj)?;
    Ok(Time::new(
        t.hour as i8,
        t.minute as i8,
        t.second as i8,
        (t.microsecond * 1_000) as i32,
    )?)
}

impl FromPyObject<'_, '_> for Time {
    type Error = PyErr;

    /// Accepts `datetime.time`; its `tzinfo`, if any, is ignored.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        time_of(obj.cast::<PyTime>()?.as_any())
    }
}

fn datetime_into_py<'py>(
    py: Python<'py>,
    dt: DateTime,
    tzinfo: Option<&Bound<'py, PyTzInfo>>,
    fold: bool,
) -> PyResult<Bound<'py, PyDateTime>> {
    let (h, m, s, us) = py_time_parts(dt.time());
    PyDateTime::new_with_fold(
        py,
        dt.year().into(),
        dt.month() as u8,
        dt.day() as u8,
        h,
        m,
        s,
        us,
        tzinfo,
        fold,
    )
}

impl<'py> IntoPyObject<'py> for DateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        datetime_into_py(py, self, None, false)
    }
}
into_by_ref!(DateTime, PyDateTime);

fn wall_clock(obj: &Bound<'_, PyAny>) -> PyResult<DateTime> {
    Ok(DateTime::from_parts(date_of(obj)?, time_of(obj)?))
}

impl FromPyObject<'_, '_> for DateTime {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let dt = naive_datetime(obj)?;
        wall_clock(dt.as_any())
    }
}

// --- Offset and TimeZone --------------------------------------------------------------------

impl<'py> IntoPyObject<'py> for Offset {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// `datetime.timezone(timedelta(seconds=offset))` (`timezone.utc` for zero).
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if self.seconds() == 0 {
            return Ok(PyTzInfo::utc(py)?.to_owned());
        }
        timezone_from_seconds(py, self.seconds().into())
    }
}
into_by_ref!(Offset, PyTzInfo);

fn offset_from_seconds(seconds: i64) -> PyResult<Offset> {
    let seconds =
        i32::try_from(seconds).map_err(|_| PyValueError::new_err("offset out of range"))?;
    Ok(Offset::from_seconds(seconds)?)
}

impl FromPyObject<'_, '_> for Offset {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let tz = obj.cast::<PyTzInfo>()?;
        offset_from_seconds(required_fixed_offset_seconds(&tz)?)
    }
}

impl<'py> IntoPyObject<'py> for TimeZone {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// UTC becomes `timezone.utc`, an IANA zone `zoneinfo.ZoneInfo(name)`, a fixed offset
    /// `datetime.timezone`; other zones (POSIX TZ strings) raise `ValueError`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if self == TimeZone::UTC {
            return Ok(PyTzInfo::utc(py)?.to_owned());
        }
        if let Some(name) = self.iana_name() {
            return PyTzInfo::timezone(py, name);
        }
        match self.to_fixed_offset() {
            Ok(offset) => offset.into_pyobject(py),
            Err(_) => Err(PyValueError::new_err(format!(
                "time zone {self:?} has no IANA name and no fixed offset"
            ))),
        }
    }
}
into_by_ref!(TimeZone, PyTzInfo);

impl FromPyObject<'_, '_> for TimeZone {
    type Error = PyErr;

    /// A `zoneinfo.ZoneInfo` (looked up by its `key` in jiff's database), or any `tzinfo`
    /// with a fixed offset.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let tz = obj.cast::<PyTzInfo>()?;
        if let Some(key) = tz.getattr_opt(intern!(obj.py(), "key"))? {
            if !key.is_none() {
                return Ok(TimeZone::get(&key.str()?.to_string())?);
            }
        }
        match fixed_offset_seconds(tz.as_any())? {
            Some(0) => Ok(TimeZone::UTC),
            Some(seconds) => Ok(TimeZone::fixed(offset_from_seconds(seconds)?)),
            None => Err(PyValueError::new_err(format!(
                "{} is neither a zoneinfo.ZoneInfo nor a fixed offset timezone",
                tz.repr()?
            ))),
        }
    }
}

// --- Timestamp and Zoned --------------------------------------------------------------------

impl<'py> IntoPyObject<'py> for Timestamp {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// An aware datetime in `datetime.timezone.utc`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let utc = PyTzInfo::utc(py)?.to_owned();
        datetime_into_py(
            py,
            self.to_zoned(TimeZone::UTC).datetime(),
            Some(&utc),
            false,
        )
    }
}
into_by_ref!(Timestamp, PyDateTime);

/// The instant an aware `datetime` denotes, from its wall clock and Python's `utcoffset()`.
fn instant_of(dt: &Bound<'_, PyDateTime>) -> PyResult<Timestamp> {
    let offset = dt.call_method0(intern!(dt.py(), "utcoffset"))?;
    let (days, seconds, _) = delta_fields(offset.cast::<PyDelta>()?)?;
    let offset = offset_from_seconds(days * 86_400 + seconds)?;
    Ok(offset.to_timestamp(wall_clock(dt.as_any())?)?)
}

fn aware<'py>(
    obj: Borrowed<'_, 'py, PyAny>,
) -> PyResult<(Bound<'py, PyDateTime>, Bound<'py, PyTzInfo>)> {
    let dt = obj.cast::<PyDateTime>()?.to_owned();
    match tzinfo_of(dt.as_any())? {
        Some(tz) => Ok((dt, tz)),
        None => Err(PyTypeError::new_err(
            "expected a datetime with non-None tzinfo",
        )),
    }
}

impl FromPyObject<'_, '_> for Timestamp {
    type Error = PyErr;

    /// Accepts an aware datetime in any zone.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let (dt, _) = aware(obj)?;
        instant_of(&dt)
    }
}

impl<'py> IntoPyObject<'py> for Zoned {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &Zoned {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let tz = self.time_zone().into_pyobject(py)?;
        let wall = self.datetime();
        // The later instant of an ambiguous local time is `fold=1` in Python.
        let fold = matches!(
            self.time_zone().to_ambiguous_zoned(wall).offset(),
            AmbiguousOffset::Fold { after, .. } if after == self.offset()
        );
        datetime_into_py(py, wall, Some(&tz), fold)
    }
}

impl FromPyObject<'_, '_> for Zoned {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let (dt, tzinfo) = aware(obj)?;
        let tz: TimeZone = tzinfo.extract()?;
        Ok(Zoned::new(instant_of(&dt)?, tz))
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use jiff_02::civil;

    #[test]
    fn civil_and_durations() {
        Python::attach(|py| {
            let d = civil::date(2021, 1, 3);
            let obj = d.into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<Date>().unwrap(), d);
            let iso = obj.extract::<ISOWeekDate>().unwrap();
            assert_eq!((iso.year(), iso.week()), (2020, 53));
            let t = civil::time(1, 2, 3, 456_789_999);
            let obj = t.into_pyobject(py).unwrap();
            assert_eq!(obj.str().unwrap().to_string(), "01:02:03.456789");
            let dt = d.at(4, 5, 6, 7_000);
            let obj = dt.into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<DateTime>().unwrap(), dt);

            let dur = SignedDuration::new(-90_061, -5_000);
            let obj = dur.into_pyobject(py).unwrap();
            assert_eq!(obj.extract::<SignedDuration>().unwrap(), dur);
            let span = obj.extract::<Span>().unwrap();
            assert_eq!(span.get_seconds(), -90_061);
        });
    }

    #[test]
    fn zones_and_instants() {
        Python::attach(|py| {
            let tz = TimeZone::get("America/New_York").unwrap();
            // 2023-11-05 01:30 happens twice: the second one (EST, -05:00) has fold=1.
            let ts = Timestamp::from_second(1_699_165_800).unwrap();
            let zoned = Zoned::new(ts, tz.clone());
            assert_eq!(zoned.offset().seconds(), -5 * 3600);
            let obj = (&zoned).into_pyobject(py).unwrap();
            assert_eq!(obj.getattr("fold").unwrap().extract::<u8>().unwrap(), 1);
            assert_eq!(obj.str().unwrap().to_string(), "2023-11-05 01:30:00-05:00");
            assert_eq!(obj.extract::<Zoned>().unwrap(), zoned);
            assert_eq!(obj.extract::<Timestamp>().unwrap(), ts);
            let utc = ts.into_pyobject(py).unwrap();
            assert_eq!(utc.str().unwrap().to_string(), "2023-11-05 06:30:00+00:00");
            let off = Offset::from_seconds(3600).unwrap();
            let tzinfo = off.into_pyobject(py).unwrap();
            assert_eq!(tzinfo.extract::<Offset>().unwrap(), off);
            assert_eq!(tzinfo.extract::<TimeZone>().unwrap(), TimeZone::fixed(off));
            let err = obj.extract::<DateTime>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "TypeError: expected a datetime without tzinfo"
            );
        });
    }
}
