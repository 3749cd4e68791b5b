//! `Ipv4Addr` / `Ipv6Addr` / `IpAddr` <-> Python's `ipaddress.IPv4Address` /
//! `ipaddress.IPv6Address`.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::exceptions::PyValueError;
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyString};
use crate::{
    ffi, intern, Borrowed, Bound, FromPyObject, IntoPyObject, Py, PyErr, PyResult, Python,
};

/// The `packed` bytes of an `ipaddress` object, if it has them.
fn packed_bytes(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    let Some(packed) = obj.getattr_opt(intern!(obj.py(), "packed"))? else {
        return Ok(None);
    };
    // SAFETY: attached; checked to be bytes before reading.
    unsafe {
        if ffi::PyBytes_Check(packed.as_ptr()) == 0 {
            return Ok(None);
        }
        let data = ffi::PyBytes_AsString(packed.as_ptr());
        let len = ffi::PyBytes_Size(packed.as_ptr()) as usize;
        Ok(Some(
            std::slice::from_raw_parts(data.cast::<u8>(), len).to_vec(),
        ))
    }
}

/// Parses `obj` as an address: from an `ipaddress` object's `packed` bytes, or from a `str`.
fn extract_ip(obj: Borrowed<'_, '_, PyAny>) -> PyResult<IpAddr> {
    if let Some(packed) = packed_bytes(obj)? {
        if let Ok(v4) = <[u8; 4]>::try_from(packed.as_slice()) {
            return Ok(IpAddr::V4(Ipv4Addr::from(v4)));
        }
        if let Ok(v6) = <[u8; 16]>::try_from(packed.as_slice()) {
            return Ok(IpAddr::V6(Ipv6Addr::from(v6)));
        }
        return Err(PyValueError::new_err("invalid packed IP address length"));
    }
    let s = obj.cast::<PyString>()?.to_cow()?;
    s.parse::<IpAddr>()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

impl FromPyObject<'_, '_> for IpAddr {
    type Error = PyErr;
    /// Accepts `ipaddress.IPv4Address` / `IPv6Address` (anything with 4 or 16 `packed`
    /// bytes) and address strings.
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
