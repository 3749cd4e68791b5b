//! The datetime access traits where the C structs cannot be read (the limited API, PyPy,
//! GraalPy): through the objects' attributes. The receivers are `date` / `time` /
//! `datetime` / `timedelta` instances, whose attributes always exist and are in range, so a
//! failure can only come from a subclass breaking them: that panics with the attribute's name.

use crate::types::datetime::{
    PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyTime, PyTimeAccess, PyTzInfo,
    PyTzInfoAccess,
};
use crate::types::PyAnyMethods;
use crate::{intern, Bound, FromPyObject, PyAny};

/// The attribute `name` of `obj`, extracted as `T`.
fn attr<T>(obj: &Bound<'_, PyAny>, name: &Bound<'_, crate::types::PyString>) -> T
where
    for<'a, 'py> T: FromPyObject<'a, 'py>,
{
    obj.getattr(name)
        .and_then(|v| v.extract::<T>().map_err(Into::into))
        .unwrap_or_else(|e| panic!("datetime attribute {} is not usable: {}", name, e))
}

macro_rules! impl_date_access {
    ($($ty:ty),*) => {$(
        impl PyDateAccess for Bound<'_, $ty> {
            fn get_year(&self) -> i32 {
                attr(self.as_any(), intern!(self.py(), "year"))
            }
            fn get_month(&self) -> u8 {
                attr(self.as_any(), intern!(self.py(), "month"))
            }
            fn get_day(&self) -> u8 {
                attr(self.as_any(), intern!(self.py(), "day"))
            }
        }
    )*};
}

impl_date_access!(PyDate, PyDateTime);

macro_rules! impl_time_access {
    ($($ty:ty),*) => {$(
        impl PyTimeAccess for Bound<'_, $ty> {
            fn get_hour(&self) -> u8 {
                attr(self.as_any(), intern!(self.py(), "hour"))
            }
            fn get_minute(&self) -> u8 {
                attr(self.as_any(), intern!(self.py(), "minute"))
            }
            fn get_second(&self) -> u8 {
                attr(self.as_any(), intern!(self.py(), "second"))
            }
            fn get_microsecond(&self) -> u32 {
                attr(self.as_any(), intern!(self.py(), "microsecond"))
            }
            fn get_fold(&self) -> bool {
                attr::<u8>(self.as_any(), intern!(self.py(), "fold")) != 0
            }
        }

        impl<'py> PyTzInfoAccess<'py> for Bound<'py, $ty> {
            fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>> {
                let tz = self
                    .getattr(intern!(self.py(), "tzinfo"))
                    .expect("datetime attribute tzinfo is not usable");
                if tz.is_none() {
                    None
                } else {
                    Some(tz.cast_into::<PyTzInfo>().expect("tzinfo is not a datetime.tzinfo"))
                }
            }
        }
    )*};
}

impl_time_access!(PyTime, PyDateTime);

impl PyDeltaAccess for Bound<'_, PyDelta> {
    fn get_days(&self) -> i32 {
        attr(self.as_any(), intern!(self.py(), "days"))
    }
    fn get_seconds(&self) -> i32 {
        attr(self.as_any(), intern!(self.py(), "seconds"))
    }
    fn get_microseconds(&self) -> i32 {
        attr(self.as_any(), intern!(self.py(), "microseconds"))
    }
}
