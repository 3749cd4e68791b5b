//! Python versions and implementations, and the range of versions this crate supports.

use std::fmt;
use std::str::FromStr;

use crate::errors::{Error, Result};

/// A Python `major.minor` version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PythonVersion {
    /// The major version (always 3 for supported interpreters).
    pub major: u8,
    /// The minor version.
    pub minor: u8,
}

impl PythonVersion {
    /// Python 3.9.
    pub const PY39: Self = PythonVersion::new(3, 9);
    /// Python 3.10.
    pub const PY310: Self = PythonVersion::new(3, 10);
    /// Python 3.11.
    pub const PY311: Self = PythonVersion::new(3, 11);
    /// Python 3.12.
    pub const PY312: Self = PythonVersion::new(3, 12);
    /// Python 3.13.
    pub const PY313: Self = PythonVersion::new(3, 13);
    /// Python 3.14.
    pub const PY314: Self = PythonVersion::new(3, 14);
    /// Python 3.15.
    pub const PY315: Self = PythonVersion::new(3, 15);

    /// Creates a version from its parts.
    pub const fn new(major: u8, minor: u8) -> Self {
        PythonVersion { major, minor }
    }
}

impl fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for PythonVersion {
    type Err = Error;

    /// Parses `3.11` (a trailing `.patch` or other suffix after a third dot is ignored).
    fn from_str(s: &str) -> Result<Self> {
        let mut parts = s.trim().split('.');
        let parse = |p: Option<&str>| -> Option<u8> { p?.parse().ok() };
        match (parse(parts.next()), parse(parts.next())) {
            (Some(major), Some(minor)) => Ok(PythonVersion { major, minor }),
            _ => bail!(
                "invalid Python version `{}` (expected `MAJOR.MINOR`, e.g. `3.11`)",
                s
            ),
        }
    }
}

/// The Python implementation flavour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PythonImplementation {
    /// The reference implementation.
    CPython,
    /// PyPy.
    PyPy,
    /// GraalPy.
    GraalPy,
    /// RustPython. Recognised in configurations, but PyO3's bindings do not support building
    /// for it: resolving such a configuration fails with an error that says so.
    RustPython,
}

impl PythonImplementation {
    /// Whether this is PyPy.
    pub fn is_pypy(self) -> bool {
        self == PythonImplementation::PyPy
    }

    /// Whether this is GraalPy.
    pub fn is_graalpy(self) -> bool {
        self == PythonImplementation::GraalPy
    }
}

impl fmt::Display for PythonImplementation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PythonImplementation::CPython => "CPython",
            PythonImplementation::PyPy => "PyPy",
            PythonImplementation::GraalPy => "GraalPy",
            PythonImplementation::RustPython => "RustPython",
        })
    }
}

impl FromStr for PythonImplementation {
    type Err = Error;

    /// Accepts `CPython`, `PyPy`, `GraalPy` (also `GraalVM`) and `RustPython`, ignoring ASCII
    /// case.
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cpython" => Ok(PythonImplementation::CPython),
            "pypy" => Ok(PythonImplementation::PyPy),
            "graalpy" | "graalvm" => Ok(PythonImplementation::GraalPy),
            "rustpython" => Ok(PythonImplementation::RustPython),
            _ => bail!(
                "unknown Python implementation `{}` (expected CPython, PyPy, GraalPy or RustPython)",
                s
            ),
        }
    }
}

/// The oldest and newest Python versions supported for one implementation.
#[derive(Debug, Clone, Copy)]
pub struct SupportedVersions {
    /// Oldest supported version.
    pub min: PythonVersion,
    /// Newest supported version for the version-specific (non-abi3) API.
    pub max: PythonVersion,
}

/// Newest Python version whose full API is supported.
pub const MAXIMUM_SUPPORTED_VERSION: PythonVersion = PythonVersion::PY314;

/// Oldest CPython version supported.
pub const MINIMUM_SUPPORTED_VERSION: PythonVersion = PythonVersion::PY39;

/// The newest version that has an `abi3-pyXY` feature.
pub const NEWEST_ABI3_FEATURE_VERSION: PythonVersion = PythonVersion::PY315;

/// The supported range for an implementation.
pub fn supported_versions(implementation: PythonImplementation) -> SupportedVersions {
    let min = match implementation {
        PythonImplementation::CPython => MINIMUM_SUPPORTED_VERSION,
        PythonImplementation::PyPy => PythonVersion::PY311,
        PythonImplementation::GraalPy => PythonVersion::PY311,
        PythonImplementation::RustPython => MINIMUM_SUPPORTED_VERSION,
    };
    SupportedVersions {
        min,
        max: MAXIMUM_SUPPORTED_VERSION,
    }
}

/// The minimum version selected by the enabled `abi3-pyXY` features, read from
/// `CARGO_FEATURE_ABI3_PY3X` variables (the smallest one wins, as the features chain upwards).
pub fn abi3_feature_version(env: &crate::env::Env) -> Option<PythonVersion> {
    (MINIMUM_SUPPORTED_VERSION.minor..=NEWEST_ABI3_FEATURE_VERSION.minor)
        .find(|minor| env.feature(&format!("abi3-py3{}", minor)))
        .map(|minor| PythonVersion::new(3, minor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::Env;

    #[test]
    fn parse_and_display() {
        assert_eq!(
            "3.11".parse::<PythonVersion>().unwrap(),
            PythonVersion::PY311
        );
        assert_eq!(
            "3.9.18".parse::<PythonVersion>().unwrap(),
            PythonVersion::PY39
        );
        assert_eq!(
            "3".parse::<PythonVersion>().unwrap_err().to_string(),
            "invalid Python version `3` (expected `MAJOR.MINOR`, e.g. `3.11`)"
        );
        assert_eq!(
            "x.y".parse::<PythonVersion>().unwrap_err().to_string(),
            "invalid Python version `x.y` (expected `MAJOR.MINOR`, e.g. `3.11`)"
        );
        assert_eq!(PythonVersion::PY310.to_string(), "3.10");
        assert!(PythonVersion::PY39 < PythonVersion::PY310);
        for i in ["CPython", "PyPy", "GraalPy", "RustPython"] {
            let parsed: PythonImplementation = i.parse().unwrap();
            assert_eq!(parsed.to_string(), i);
        }
        assert_eq!(
            "Jython"
                .parse::<PythonImplementation>()
                .unwrap_err()
                .to_string(),
            "unknown Python implementation `Jython` (expected CPython, PyPy, GraalPy or RustPython)"
        );
    }

    #[test]
    fn abi3_features() {
        let env = Env::from_pairs([
            ("CARGO_FEATURE_ABI3", "1"),
            ("CARGO_FEATURE_ABI3_PY310", "1"),
            ("CARGO_FEATURE_ABI3_PY311", "1"),
        ]);
        assert_eq!(abi3_feature_version(&env), Some(PythonVersion::PY310));
        let env = Env::from_pairs([("CARGO_FEATURE_ABI3", "1")]);
        assert_eq!(abi3_feature_version(&env), None);
    }
}
