//! Conversions of [`chrono_tz::Tz`] to and from Python's `zoneinfo.ZoneInfo` (feature
//! `chrono-tz`).
//!
//! A `Tz` becomes `zoneinfo.ZoneInfo(<IANA name>)` (Python's own time zone database, or the
//! `tzdata` package, must know the name). Extraction reads the zone's `key` (its `str()` for
//! `tzinfo` objects without one) and looks it up in chrono-tz's database; unknown names raise
//! `ValueError`. With the `chrono` feature this makes `chrono::DateTime<Tz>` convertible both
//! ways.
//!
//! ```
//! use chrono_tz::Tz;
//! use pyo3::prelude::*;
//!
//! # Python::initialize();
//! Python::attach(|py| -> PyResult<()> {
//!     let tz = Tz::Europe__Paris;
//!     let obj = tz.into_pyobject(py)?;
//!     assert_eq!(obj.str()?.to_string(), "Europe/Paris");
//!     assert_eq!(obj.extract::<Tz>()?, tz);
//!     Ok(())
//! })
//! # .unwrap();
//! ```

use std::str::FromStr;

use chrono_tz::Tz;

use crate::exceptions::PyValueError;
use crate::types::{PyAnyMethods, PyStringMethods, PyTzInfo};
use crate::{intern, Borrowed, Bound, FromPyObject, IntoPyObject, PyAny, PyErr, Python};

impl<'py> IntoPyObject<'py> for Tz {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PyTzInfo::timezone(py, self.name())
    }
}

impl<'py> IntoPyObject<'py> for &Tz {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl FromPyObject<'_, '_> for Tz {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let tz = obj.cast::<PyTzInfo>()?;
        let name = match tz.getattr_opt(intern!(obj.py(), "key"))? {
            Some(key) if !key.is_none() => key.str()?,
            _ => tz.str()?,
        };
        let name = name.to_cow()?;
        Tz::from_str(&name).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;

    #[test]
    fn zoneinfo_round_trip() {
        Python::attach(|py| {
            let tz = Tz::America__New_York;
            let obj = (&tz).into_pyobject(py).unwrap();
            assert_eq!(obj.getattr("key").unwrap().to_string(), "America/New_York");
            assert_eq!(obj.extract::<Tz>().unwrap(), tz);
            let utc = PyTzInfo::utc(py).unwrap();
            assert_eq!(utc.extract::<Tz>().unwrap(), Tz::UTC);
        });
    }

    #[cfg(feature = "chrono")]
    #[test]
    fn datetime_in_named_zone() {
        use chrono::{DateTime, TimeZone};
        Python::attach(|py| {
            // 2023-11-05 01:30 happens twice in New York; fold picks the second one (EST).
            let tz = Tz::America__New_York;
            let later = match tz.with_ymd_and_hms(2023, 11, 5, 1, 30, 0) {
                chrono::LocalResult::Ambiguous(_, later) => later,
                other => panic!("{other:?}"),
            };
            let obj = later.into_pyobject(py).unwrap();
            assert_eq!(obj.getattr("fold").unwrap().extract::<u8>().unwrap(), 1);
            assert_eq!(obj.str().unwrap().to_string(), "2023-11-05 01:30:00-05:00");
            let back: DateTime<Tz> = obj.extract().unwrap();
            assert_eq!(back, later);
        });
    }
}
