//! Conversions of [`std::time::Duration`] (to/from `datetime.timedelta`) and
//! [`std::time::SystemTime`] (to/from timezone-aware `datetime.datetime`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::{PyOverflowError, PyValueError};
use crate::sync::PyOnceLock;
use crate::types::datetime::delta_parts;
use crate::types::{PyAny, PyAnyMethods, PyDateTime, PyDelta, PyTzInfo};
use crate::{Borrowed, Bound, Py, PyErr, PyResult, Python};

const SECONDS_PER_DAY: u64 = 24 * 60 * 60;

impl<'py> IntoPyObject<'py> for Duration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;

    /// A `timedelta` with microsecond precision (nanoseconds are truncated);
    /// `OverflowError` beyond `timedelta.max`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let secs = self.as_secs();
        let days = i32::try_from(secs / SECONDS_PER_DAY).map_err(|_| {
            PyOverflowError::new_err("Duration is too large to be converted to a timedelta")
        })?;
        let seconds = (secs % SECONDS_PER_DAY) as i32;
        let micros = self.subsec_micros() as i32;
        PyDelta::new(py, days, seconds, micros, false)
    }
}

impl<'py> IntoPyObject<'py> for &Duration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Duration {
    type Error = PyErr;

    /// Accepts `timedelta`s that are not negative.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let delta = obj.cast::<PyDelta>()?;
        let (days, seconds, micros) = delta_parts(&delta)?;
        if days < 0 {
            return Err(PyValueError::new_err(
                "It is not possible to convert a negative timedelta to a Rust Duration",
            ));
        }
        Ok(Duration::new(
            days as u64 * SECONDS_PER_DAY + seconds as u64,
            (micros as u32) * 1000,
        ))
    }
}

/// `datetime(1970, 1, 1, tzinfo=timezone.utc)`, cached.
fn unix_epoch(py: Python<'_>) -> PyResult<&Bound<'_, PyDateTime>> {
    static EPOCH: PyOnceLock<Py<PyDateTime>> = PyOnceLock::new();
    EPOCH
        .get_or_try_init(py, || {
            let utc = PyTzInfo::utc(py)?;
            Ok::<_, PyErr>(PyDateTime::new(py, 1970, 1, 1, 0, 0, 0, 0, Some(&utc))?.unbind())
        })
        .map(|e| e.bind(py))
}

impl<'py> IntoPyObject<'py> for SystemTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// A timezone-aware (UTC) `datetime`; `OverflowError` outside of the `datetime` range.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let epoch = unix_epoch(py)?;
        let result = match self.duration_since(UNIX_EPOCH) {
            Ok(after) => epoch.add(after.into_pyobject(py)?)?,
            Err(e) => epoch.sub(e.duration().into_pyobject(py)?)?,
        };
        Ok(result.cast_into::<PyDateTime>()?)
    }
}

impl<'py> IntoPyObject<'py> for &SystemTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for SystemTime {
    type Error = PyErr;

    /// `obj - datetime(1970, 1, 1, tzinfo=timezone.utc)` as a [`Duration`] after the epoch, as
    /// PyO3 computes it: timezone-aware `datetime`s (and any object whose subtraction from
    /// the epoch gives a `timedelta`); a naive one raises the `TypeError` of that subtraction,
    /// a time before 1970 the `ValueError` of a negative `timedelta`.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let since_epoch: Duration = obj.sub(unix_epoch(obj.py())?)?.extract()?;
        UNIX_EPOCH.checked_add(since_epoch).ok_or_else(|| {
            PyOverflowError::new_err("Overflow error when converting the time to Rust")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_roundtrip() {
        Python::attach(|py| {
            let d = Duration::new(86_400 * 3 + 5, 123_456_789);
            let delta = d.into_pyobject(py).unwrap();
            let back: Duration = delta.extract().unwrap();
            assert_eq!(back, Duration::new(86_400 * 3 + 5, 123_456_000));
        });
    }
}
