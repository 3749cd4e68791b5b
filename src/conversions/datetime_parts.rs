//! Reading the fields of `datetime` objects, shared by the chrono, time and jiff conversions.
//!
//! On the full API the fields come from the C accessor macros; on the limited API (and PyPy /
//! GraalPy, which lack them) from the attributes of the same names.

use crate::types::{PyAnyMethods, PyDelta, PyTzInfo};
use crate::{intern, Bound, PyAny, PyResult};

/// `(year, month, day)` of a `date` or `datetime`.
pub(crate) fn date_fields(obj: &Bound<'_, PyAny>) -> PyResult<(i32, u8, u8)> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    if let Ok(d) = obj.cast::<crate::types::PyDate>() {
        use crate::types::PyDateAccess;
        return Ok((d.get_year(), d.get_month(), d.get_day()));
    }
    let py = obj.py();
    Ok((
        obj.getattr(intern!(py, "year"))?.extract()?,
        obj.getattr(intern!(py, "month"))?.extract()?,
        obj.getattr(intern!(py, "day"))?.extract()?,
    ))
}

/// The time of day of a `time` or `datetime`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TimeFields {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub microsecond: u32,
    pub fold: bool,
}

/// The time fields of a `time` or `datetime`.
pub(crate) fn time_fields(obj: &Bound<'_, PyAny>) -> PyResult<TimeFields> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        use crate::types::{PyDateTime, PyTime, PyTimeAccess};
        if let Ok(t) = obj.cast::<PyDateTime>() {
            return Ok(TimeFields {
                hour: t.get_hour(),
                minute: t.get_minute(),
                second: t.get_second(),
                microsecond: t.get_microsecond(),
                fold: t.get_fold(),
            });
        }
        if let Ok(t) = obj.cast::<PyTime>() {
            return Ok(TimeFields {
                hour: t.get_hour(),
                minute: t.get_minute(),
                second: t.get_second(),
                microsecond: t.get_microsecond(),
                fold: t.get_fold(),
            });
        }
    }
    let py = obj.py();
    Ok(TimeFields {
        hour: obj.getattr(intern!(py, "hour"))?.extract()?,
        minute: obj.getattr(intern!(py, "minute"))?.extract()?,
        second: obj.getattr(intern!(py, "second"))?.extract()?,
        microsecond: obj.getattr(intern!(py, "microsecond"))?.extract()?,
        fold: obj.getattr(intern!(py, "fold"))?.extract::<u8>()? != 0,
    })
}

/// The `tzinfo` of a `time` or `datetime` (`None` when naive).
pub(crate) fn tzinfo_of<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyTzInfo>>> {
    let tz = obj.getattr(intern!(obj.py(), "tzinfo"))?;
    if tz.is_none() {
        Ok(None)
    } else {
        Ok(Some(tz.cast_into::<PyTzInfo>()?))
    }
}

/// `(days, seconds, microseconds)` of a `timedelta` (normalized as Python keeps them:
/// `0 <= seconds < 86400`, `0 <= microseconds < 1_000_000`).
pub(crate) fn delta_fields(delta: &Bound<'_, PyDelta>) -> PyResult<(i64, i64, i64)> {
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
    {
        use crate::types::PyDeltaAccess;
        Ok((
            i64::from(delta.get_days()),
            i64::from(delta.get_seconds()),
            i64::from(delta.get_microseconds()),
        ))
    }
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
    {
        let py = delta.py();
        Ok((
            delta.getattr(intern!(py, "days"))?.extract()?,
            delta.getattr(intern!(py, "seconds"))?.extract()?,
            delta.getattr(intern!(py, "microseconds"))?.extract()?,
        ))
    }
}

/// The UTC offset, in seconds, of a `tzinfo` that has a fixed one (`tz.utcoffset(None)` is
/// not `None`); `None` for zones whose offset depends on the date.
pub(crate) fn fixed_offset_seconds(tz: &Bound<'_, PyAny>) -> PyResult<Option<i64>> {
    let py = tz.py();
    let offset = tz.call_method1(intern!(py, "utcoffset"), (py.None(),))?;
    if offset.is_none() {
        return Ok(None);
    }
    let (days, seconds, micros) = delta_fields(offset.cast::<PyDelta>()?)?;
    // Python allows sub-second offsets; chrono, time and jiff offsets are whole seconds, so
    // the microseconds are dropped (rounding toward negative infinity).
    let _ = micros;
    Ok(Some(days * 86_400 + seconds))
}

/// Python's `timedelta` range: `|days| <= 999_999_999`.
pub(crate) const MAX_TIMEDELTA_DAYS: i64 = 999_999_999;

/// A `timedelta` from a signed count of seconds and a non-negative sub-second count of
/// microseconds, or `OverflowError` outside Python's range.
pub(crate) fn new_delta(
    py: crate::Python<'_>,
    seconds: i64,
    micros: i64,
) -> PyResult<Bound<'_, PyDelta>> {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    if days.abs() > MAX_TIMEDELTA_DAYS {
        return Err(crate::exceptions::PyOverflowError::new_err(format!(
            "days={days}; must have magnitude <= {MAX_TIMEDELTA_DAYS}"
        )));
    }
    // `days` fits in i32 after the range check; `secs` < 86400 and `micros` < 1_000_000.
    PyDelta::new(py, days as i32, secs as i32, micros as i32, true)
}

/// A `timedelta` from a duration split as its crate splits it: whole seconds rounded toward
/// zero and a sub-second part carrying the sign of the duration. Re-split into floor seconds
/// and a non-negative remainder, which is how Python normalises a `timedelta`.
pub(crate) fn delta_from_truncated(
    py: crate::Python<'_>,
    seconds: i64,
    subsec_nanos: i64,
) -> PyResult<Bound<'_, PyDelta>> {
    let (seconds, nanos) = if subsec_nanos < 0 {
        (seconds - 1, subsec_nanos + 1_000_000_000)
    } else {
        (seconds, subsec_nanos)
    };
    new_delta(py, seconds, nanos / 1_000)
}

/// `datetime.timezone(timedelta(seconds=seconds))`.
pub(crate) fn timezone_from_seconds(
    py: crate::Python<'_>,
    seconds: i64,
) -> PyResult<Bound<'_, PyTzInfo>> {
    PyTzInfo::fixed_offset(py, new_delta(py, seconds, 0)?)
}

/// The fixed UTC offset of `tz` in seconds, or `TypeError` naming the zone when its offset
/// depends on the date.
pub(crate) fn required_fixed_offset_seconds(tz: &Bound<'_, PyTzInfo>) -> PyResult<i64> {
    match fixed_offset_seconds(tz.as_any())? {
        Some(seconds) => Ok(seconds),
        None => Err(crate::exceptions::PyTypeError::new_err(format!(
            "{} is not a fixed offset timezone",
            tz.repr()?
        ))),
    }
}

/// `obj` as a naive `datetime`: `TypeError` for anything else, and for an aware one.
pub(crate) fn naive_datetime<'py>(
    obj: crate::Borrowed<'_, 'py, PyAny>,
) -> PyResult<Bound<'py, crate::types::PyDateTime>> {
    let dt = obj.cast::<crate::types::PyDateTime>()?.to_owned();
    if tzinfo_of(dt.as_any())?.is_some() {
        return Err(crate::exceptions::PyTypeError::new_err(
            "expected a datetime without tzinfo",
        ));
    }
    Ok(dt)
}

/// Implements `IntoPyObject` for `&$ty` by converting a copy of the value (the date and time
/// types of chrono, time and jiff are `Copy` or cheap to clone).
macro_rules! into_by_ref {
    ($ty:ty, $target:ty) => {
        impl<'py> $crate::IntoPyObject<'py> for &$ty {
            type Target = $target;
            type Output = $crate::Bound<'py, $target>;
            type Error = $crate::PyErr;

            fn into_pyobject(
                self,
                py: $crate::Python<'py>,
            ) -> ::std::result::Result<Self::Output, Self::Error> {
                ::std::clone::Clone::clone(self).into_pyobject(py)
            }
        }
    };
}
pub(crate) use into_by_ref;

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::types::PyDateTime;
    use crate::Python;

    #[test]
    fn truncated_durations_are_re_split() {
        Python::attach(|py| {
            // -1.5 s as chrono/time/jiff split it: -1 s and -500 ms.
            let delta = delta_from_truncated(py, -1, -500_000_000).unwrap();
            assert_eq!(delta_fields(&delta).unwrap(), (-1, 86_398, 500_000));
            let delta = delta_from_truncated(py, 90_000, 1_999).unwrap();
            assert_eq!(delta_fields(&delta).unwrap(), (1, 3_600, 1));
            let err = delta_from_truncated(py, (MAX_TIMEDELTA_DAYS + 1) * 86_400, 0).unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyOverflowError>(py));
            assert_eq!(
                err.value(py).to_string(),
                "days=1000000000; must have magnitude <= 999999999"
            );
        });
    }

    #[test]
    fn offsets_and_naive_datetimes() {
        Python::attach(|py| {
            let tz = timezone_from_seconds(py, -3_600).unwrap();
            assert_eq!(required_fixed_offset_seconds(&tz).unwrap(), -3_600);
            assert_eq!(
                tz.repr().unwrap().to_string(),
                "datetime.timezone(datetime.timedelta(days=-1, seconds=82800))"
            );

            let naive = PyDateTime::new(py, 2024, 1, 2, 3, 4, 5, 6, None).unwrap();
            assert!(naive_datetime(naive.as_any().as_borrowed()).is_ok());
            let aware = PyDateTime::new(py, 2024, 1, 2, 3, 4, 5, 6, Some(&tz)).unwrap();
            let err = naive_datetime(aware.as_any().as_borrowed()).unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyTypeError>(py));
            assert_eq!(
                err.value(py).to_string(),
                "expected a datetime without tzinfo"
            );
            let err = naive_datetime(tz.as_any().as_borrowed()).unwrap_err();
            assert!(err.is_instance_of::<crate::exceptions::PyTypeError>(py));
            assert_eq!(
                err.value(py).to_string(),
                "'timezone' object is not an instance of 'datetime'"
            );
        });
    }
}
