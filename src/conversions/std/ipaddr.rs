//! `Ipv4Addr` / `Ipv6Addr` / `IpAddr` <-> Python's `ipaddress.IPv4Address` /
//! `ipaddress.IPv6Address`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::exceptions::PyValueError;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyStringMethods};
use crate::{intern, Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyErr, PyResult, Python};

/// Reads an address as PyO3 does: from the `packed` attribute of an `ipaddress` object (any
/// object with one; its value must extract as 4 or 16 bytes, else "invalid packed length"),
/// otherwise by parsing `str(obj)` (so `"1.2.3.4"` and objects whose `str()` is an address).
fn extract_ip(obj: Borrowed<'_, '_, PyAny>) -> PyResult<IpAddr> {
    match obj.getattr_opt(intern!(obj.py(), "packed"))? {
        Some(packed) => {
            if let Ok(v4) = packed.extract::<[u8; 4]>() {
                Ok(IpAddr::V4(Ipv4Addr::from(v4)))
            } else if let Ok(v6) = packed.extract::<[u8; 16]>() {
                Ok(IpAddr::V6(Ipv6Addr::from(v6)))
            } else {
                Err(PyValueError::new_err("invalid packed length"))
            }
        }
        None => obj
            .str()?
            .to_cow()?
            .parse::<IpAddr>()
            .map_err(|e| PyValueError::new_err(e.to_string())),
    }
}

impl FromPyObject<'_, '_> for IpAddr {
    type Error = PyErr;
    /// Accepts `ipaddress.IPv4Address` / `IPv6Address` (anything with 4 or 16 `packed`
    /// bytes) and anything whose `str()` is an address.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        extract_ip(obj)
    }
}

impl FromPyObject<'_, '_> for Ipv4Addr {
    type Error = PyErr;
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        match extract_ip(obj)? {
            IpAddr::V4(v4) => Ok(v4),
            IpAddr::V6(_) => Err(PyValueError::new_err("expected an IPv4 address")),
        }
    }
}

impl FromPyObject<'_, '_> for Ipv6Addr {
    type Error = PyErr;
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        match extract_ip(obj)? {
            IpAddr::V6(v6) => Ok(v6),
            IpAddr::V4(_) => Err(PyValueError::new_err("expected an IPv6 address")),
        }
    }
}

impl<'py> IntoPyObject<'py> for Ipv4Addr {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    /// Makes an `ipaddress.IPv4Address`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        static IPV4: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        IPV4.import(py, "ipaddress", "IPv4Address")?
            .call1((u32::from(self),))
    }
}

impl<'py> IntoPyObject<'py> for Ipv6Addr {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    /// Makes an `ipaddress.IPv6Address`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        static IPV6: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        IPV6.import(py, "ipaddress", "IPv6Address")?
            .call1((u128::from(self),))
    }
}

impl<'py> IntoPyObject<'py> for IpAddr {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self {
            IpAddr::V4(v4) => v4.into_pyobject(py),
            IpAddr::V6(v6) => v6.into_pyobject(py),
        }
    }
}

macro_rules! by_ref {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
    )*};
}

by_ref!(Ipv4Addr, Ipv6Addr, IpAddr);
