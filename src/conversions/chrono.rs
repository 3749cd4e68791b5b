//! Conversions of [`chrono`] types to and from Python's `datetime` module (feature `chrono`).
//!
//! | Rust | Python |
//! | --- | --- |
//! | [`NaiveDate`] | `datetime.date` |
//! | [`NaiveTime`] | `datetime.time` (naive) |
//! | [`NaiveDateTime`] | `datetime.datetime` without `tzinfo` |
//! | [`DateTime<Tz>`] | `datetime.datetime` with a `tzinfo` converted from / to `Tz` |
//! | [`TimeDelta`] (`chrono::Duration`) | `datetime.timedelta` |
//! | [`FixedOffset`] | `datetime.timezone` (any `tzinfo` with a fixed offset, when extracting) |
//! | [`Utc`] | `datetime.timezone.utc` |
//! | `Local` (feature `chrono-local`) | `zoneinfo.ZoneInfo` of the system time zone |
//!
//! Edge cases:
//! - Python's types have microsecond precision: nanoseconds are truncated. A leap second
//!   (chrono's `nanosecond >= 1_000_000_000`) is folded into the second before it and a
//!   `UserWarning` "ignored leap-second, `datetime` does not support leap-seconds" is issued.
//! - Extracting a `NaiveDateTime` from an aware datetime raises `TypeError: expected a
//!   datetime without tzinfo`; extracting a `DateTime<Tz>` from a naive one raises
//!   `TypeError: expected a datetime with non-None tzinfo`.
//! - An aware datetime in a zone with transitions uses `fold` to pick between the two
//!   instants of an ambiguous local time (both ways); a local time that does not exist in the
//!   zone raises `ValueError`.
//! - `TimeDelta` values beyond `timedelta`'s range (999 999 999 days) raise `OverflowError`.
//! - Dates outside Python's years 1..=9999 raise `ValueError` (from Python).
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let dt = Utc.with_ymd_and_hms(2024, 2, 29, 12, 30, 0).unwrap();
//!     let obj = dt.into_pyobject(py)?;
//!     assert_eq!(obj.str()?.to_string(), "2024-02-29 12:30:00+00:00");
//!     assert_eq!(obj.extract::<chrono::DateTime<Utc>>()?, dt);
//!     let date = NaiveDate::from_ymd_opt(1999, 12, 31).unwrap();
//!     assert_eq!(date.into_pyobject(py)?.str()?.to_string(), "1999-12-31");
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use chrono::offset::LocalResult;
// `Duration` is chrono's name for `TimeDelta` (a type alias); the impls are written with it.
use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeDelta, TimeZone, Timelike, Utc,
};

use super::datetime_parts::{
    date_fields, delta_fields, delta_from_truncated, fixed_offset_seconds, into_by_ref,
    naive_datetime, required_fixed_offset_seconds, time_fields, timezone_from_seconds, tzinfo_of,
};
use crate::conversion::BoundObject;
use crate::exceptions::{PyTypeError, PyUserWarning, PyValueError};
use crate::types::{PyAnyMethods, PyDate, PyDateTime, PyDelta, PyTime, PyTzInfo};
use crate::{Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, PyResult, Python};

// --- Duration (TimeDelta) -------------------------------------------------------------------

impl<'py> IntoPyObject<'py> for Duration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        delta_from_truncated(py, self.num_seconds(), i64::from(self.subsec_nanos()))
    }
}

into_by_ref!(Duration, PyDelta);

impl FromPyObject<'_, '_> for Duration {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let delta = obj.cast::<PyDelta>()?;
        let (days, seconds, micros) = delta_fields(&delta)?;
        // Every timedelta fits: chrono's range is far larger than 999 999 999 days.
        Ok(TimeDelta::days(days) + TimeDelta::seconds(seconds) + TimeDelta::microseconds(micros))
    }
}

// --- NaiveDate ------------------------------------------------------------------------------

fn date_into_py<'py>(py: Python<'py>, date: &NaiveDate) -> PyResult<Bound<'py, PyDate>> {
    let month = date.month() as u8;
    let day = date.day() as u8;
    PyDate::new(py, date.year(), month, day)
}

impl<'py> IntoPyObject<'py> for NaiveDate {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        date_into_py(py, &self)
    }
}

impl<'py> IntoPyObject<'py> for &NaiveDate {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        date_into_py(py, self)
    }
}

fn naive_date(year: i32, month: u8, day: u8) -> PyResult<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month.into(), day.into())
        .ok_or_else(|| PyValueError::new_err("invalid or out-of-range date"))
}

impl FromPyObject<'_, '_> for NaiveDate {
    type Error = PyErr;

    /// Accepts `datetime.date` (and so also `datetime.datetime`, whose time is dropped).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let date = obj.cast::<PyDate>()?;
        let (y, m, d) = date_fields(date.as_any())?;
        naive_date(y, m, d)
    }
}

// --- NaiveTime ------------------------------------------------------------------------------

/// The `(hour, minute, second, microsecond)` Python can hold for `time`, warning once when a
/// leap second had to be dropped.
fn py_time_parts(py: Python<'_>, time: &NaiveTime) -> PyResult<(u8, u8, u8, u32)> {
    let mut nanos = time.nanosecond();
    if nanos >= 1_000_000_000 {
        nanos -= 1_000_000_000;
        PyErr::warn(
            py,
            &py.get_type::<PyUserWarning>(),
            c"ignored leap-second, `datetime` does not support leap-seconds",
            0,
        )?;
    }
    Ok((
        time.hour() as u8,
        time.minute() as u8,
        time.second() as u8,
        nanos / 1_000,
    ))
}

impl<'py> IntoPyObject<'py> for NaiveTime {
    type Target = PyTime;
    type Output = Bound<'py, PyTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let (h, m, s, us) = py_time_parts(py, &self)?;
        PyTime::new(py, h, m, s, us, None)
    }
}

into_by_ref!(NaiveTime, PyTime);

fn naive_time(obj: &Bound<'_, PyAny>) -> PyResult<NaiveTime> {
    let t = time_fields(obj)?;
    NaiveTime::from_hms_micro_opt(
        t.hour.into(),
        t.minute.into(),
        t.second.into(),
        t.microsecond,
    )
    .ok_or_else(|| PyValueError::new_err("invalid or out-of-range time"))
}

impl FromPyObject<'_, '_> for NaiveTime {
    type Error = PyErr;

    /// Accepts `datetime.time`; its `tzinfo`, if any, is ignored.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let time = obj.cast::<PyTime>()?;
        naive_time(time.as_any())
    }
}

// --- NaiveDateTime --------------------------------------------------------------------------

fn naive_datetime_into_py<'py>(
    py: Python<'py>,
    dt: &NaiveDateTime,
    tzinfo: Option<&Bound<'py, PyTzInfo>>,
    fold: bool,
) -> PyResult<Bound<'py, PyDateTime>> {
    let (h, m, s, us) = py_time_parts(py, &dt.time())?;
    let date = dt.date();
    PyDateTime::new_with_fold(
        py,
        date.year(),
        date.month() as u8,
        date.day() as u8,
        h,
        m,
        s,
        us,
        tzinfo,
        fold,
    )
}

impl<'py> IntoPyObject<'py> for NaiveDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        naive_datetime_into_py(py, &self, None, false)
    }
}

impl<'py> IntoPyObject<'py> for &NaiveDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        naive_datetime_into_py(py, self, None, false)
    }
}

/// The wall-clock fields of a `datetime`, ignoring its `tzinfo`.
fn wall_clock(dt: &Bound<'_, PyAny>) -> PyResult<NaiveDateTime> {
    let (y, m, d) = date_fields(dt)?;
    Ok(NaiveDateTime::new(naive_date(y, m, d)?, naive_time(dt)?))
}

impl FromPyObject<'_, '_> for NaiveDateTime {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let dt = naive_datetime(obj)?;
        wall_clock(dt.as_any())
    }
}

// --- DateTime<Tz> ---------------------------------------------------------------------------

fn tz_into_py<'py, T>(py: Python<'py>, tz: T) -> PyResult<Bound<'py, PyTzInfo>>
where
    T: IntoPyObject<'py>,
{
    let obj = tz.into_pyobject(py).map_err(Into::into)?;
    Ok(obj.into_any().into_bound().cast_into::<PyTzInfo>()?)
}

fn datetime_into_py<'py, Tz>(py: Python<'py>, dt: &DateTime<Tz>) -> PyResult<Bound<'py, PyDateTime>>
where
    Tz: TimeZone + IntoPyObject<'py>,
{
    let tz = tz_into_py(py, dt.timezone())?;
    let naive = dt.naive_local();
    // An ambiguous local time is the later of its two instants when `fold` is set.
    let fold = matches!(
        dt.timezone().offset_from_local_datetime(&naive),
        LocalResult::Ambiguous(_, later) if later.fix() == dt.offset().fix()
    );
    naive_datetime_into_py(py, &naive, Some(&tz), fold)
}

impl<'py, Tz> IntoPyObject<'py> for DateTime<Tz>
where
    Tz: TimeZone + IntoPyObject<'py>,
{
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        datetime_into_py(py, &self)
    }
}

impl<'py, Tz> IntoPyObject<'py> for &DateTime<Tz>
where
    Tz: TimeZone + IntoPyObject<'py>,
{
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        datetime_into_py(py, self)
    }
}

impl<'py, Tz> FromPyObject<'_, 'py> for DateTime<Tz>
where
    Tz: TimeZone + crate::conversion::FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        let dt = obj.cast::<PyDateTime>()?;
        let Some(tzinfo) = tzinfo_of(dt.as_any())? else {
            return Err(PyTypeError::new_err(
                "expected a datetime with non-None tzinfo",
            ));
        };
        let tz: Tz = tzinfo.extract().map_err(Into::into)?;
        let naive = wall_clock(dt.as_any())?;
        let fold = time_fields(dt.as_any())?.fold;
        match naive.and_local_timezone(tz) {
            LocalResult::Single(value) => Ok(value),
            LocalResult::Ambiguous(earlier, later) => Ok(if fold { later } else { earlier }),
            LocalResult::None => Err(PyValueError::new_err(format!(
                "The datetime {} contains an incompatible timezone",
                dt.repr()?
            ))),
        }
    }
}

// --- FixedOffset and Utc --------------------------------------------------------------------

impl<'py> IntoPyObject<'py> for FixedOffset {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// `datetime.timezone(timedelta(seconds=offset))`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        timezone_from_seconds(py, i64::from(self.local_minus_utc()))
    }
}

into_by_ref!(FixedOffset, PyTzInfo);

impl FromPyObject<'_, '_> for FixedOffset {
    type Error = PyErr;

    /// Accepts any `tzinfo` whose `utcoffset(None)` is not `None`; zones whose offset depends
    /// on the date raise `TypeError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let tz = obj.cast::<PyTzInfo>()?;
        let seconds = required_fixed_offset_seconds(&tz)?;
        i32::try_from(seconds)
            .ok()
            .and_then(FixedOffset::east_opt)
            .ok_or_else(|| PyValueError::new_err("fixed offset out of bounds"))
    }
}

impl<'py> IntoPyObject<'py> for Utc {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// `datetime.timezone.utc`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyTzInfo::utc(py)?.to_owned())
    }
}

impl<'py> IntoPyObject<'py> for &Utc {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Utc.into_pyobject(py)
    }
}

impl FromPyObject<'_, '_> for Utc {
    type Error = PyErr;

    /// Accepts `datetime.timezone.utc` and any other `tzinfo` with a fixed zero offset
    /// (such as `zoneinfo.ZoneInfo("UTC")`); anything else raises `ValueError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let tz = obj.cast::<PyTzInfo>()?;
        match fixed_offset_seconds(tz.as_any())? {
            Some(0) => Ok(Utc),
            _ => Err(PyValueError::new_err("expected datetime.timezone.utc")),
        }
    }
}

// --- Local (chrono-local) -------------------------------------------------------------------

#[cfg(feature = "chrono-local")]
mod local {
    use super::*;
    use chrono::Local;

    /// The IANA name of the system time zone.
    fn local_zone_name() -> PyResult<String> {
        iana_time_zone::get_timezone().map_err(|e| {
            PyValueError::new_err(format!("could not determine the local time zone: {e}"))
        })
    }

    impl<'py> IntoPyObject<'py> for Local {
        type Target = PyTzInfo;
        type Output = Bound<'py, PyTzInfo>;
        type Error = PyErr;

        /// `zoneinfo.ZoneInfo(<system time zone>)`.
        fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
            PyTzInfo::timezone(py, local_zone_name()?)
        }
    }

    impl<'py> IntoPyObject<'py> for &Local {
        type Target = PyTzInfo;
        type Output = Bound<'py, PyTzInfo>;
        type Error = PyErr;

        fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
            Local.into_pyobject(py)
        }
    }

    impl FromPyObject<'_, '_> for Local {
        type Error = PyErr;

        /// Accepts a `tzinfo` equal to the system time zone's `ZoneInfo`; any other raises
        /// `ValueError`.
        fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
            let tz = obj.cast::<PyTzInfo>()?;
            let local = Local.into_pyobject(obj.py())?;
            if tz.eq(&local)? {
                Ok(Local)
            } else {
                Err(PyValueError::new_err(format!(
                    "expected local timezone {}",
                    local.repr()?
                )))
            }
        }
    }
}
