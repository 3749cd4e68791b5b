//! Conversions of [`chrono_tz::Tz`] to and from Python's `zoneinfo.ZoneInfo` (feature
//! `chrono-tz`).
//!
//! A `Tz` becomes `zoneinfo.ZoneInfo(<IANA name>)` (Python's own time zone database, or the
//! `tzdata` package, must know the name). Extraction reads the object's `key` attribute, as
//! `zoneinfo.ZoneInfo` has (any object with a string `key` will do; one without raises the
//! `AttributeError`, also `datetime.timezone.utc`), and looks it up in chrono-tz's database;
//! an unknown name raises `ValueError: failed to parse timezone`. These are PyO3's rules and
//! messages. With the `chrono` feature this makes `chrono::DateTime<Tz>` convertible both ways.
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
use crate::types::{PyAnyMethods, PyString, PyStringMethods, PyTzInfo};
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
        let key = obj.getattr(intern!(obj.py(), "key"))?;
        let name = key.cast::<PyString>()?.to_cow()?;
        Tz::from_str(&name).map_err(|_| PyValueError::new_err("failed to parse timezone"))
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
            // Like PyO3: only the `key` attribute is read, which `timezone.utc` lacks.
            let utc = PyTzInfo::utc(py).unwrap();
            let err = utc.extract::<Tz>().unwrap_err();
            assert_eq!(
                err.to_string(),
                "AttributeError: 'datetime.timezone' object has no attribute 'key'"
            );
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
