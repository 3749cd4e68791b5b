//! The ABI a build targets: [`PythonAbi`] and its parts ([`PythonAbiKind`], [`StableAbi`],
//! [`GilUsed`]), with a builder that validates the combination.
//!
//! The text form, used by `Display`/`FromStr` and by the `target_abi=` key of config files, is
//! `<implementation>-<kind>-<X.Y>` with an optional `-debug` suffix, e.g. `CPython-abi3-3.9`,
//! `CPython-gil_enabled-3.12` or `CPython-free_threaded-3.13-debug`.

use std::fmt;
use std::str::FromStr;

use crate::errors::{Error, Result};
use crate::version::{PythonImplementation, PythonVersion};

/// The first Python version with a free-threaded build (PEP 703).
const FIRST_FREE_THREADED: PythonVersion = PythonVersion::new(3, 13);
/// The first Python version with the free-threaded stable ABI (`abi3t`).
const FIRST_ABI3T: PythonVersion = PythonVersion::new(3, 15);

/// Which stable ABI a build targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StableAbi {
    /// `abi3`: the limited API with the GIL-enabled object layout (every Python 3 since 3.2).
    Abi3,
    /// `abi3t`: the limited API with the free-threaded object layout (Python 3.15+).
    Abi3t,
}

impl fmt::Display for StableAbi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StableAbi::Abi3 => "abi3",
            StableAbi::Abi3t => "abi3t",
        })
    }
}

/// The object layout of a version-specific ABI: with a GIL, or free-threaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GilUsed {
    /// Interpreters with a GIL (the default build).
    GilEnabled,
    /// Free-threaded interpreters (`Py_GIL_DISABLED`, Python 3.13+).
    FreeThreaded,
}

impl fmt::Display for GilUsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            GilUsed::GilEnabled => "gil_enabled",
            GilUsed::FreeThreaded => "free_threaded",
        })
    }
}

/// What kind of ABI a build targets: a stable ABI (usable by several Python versions) or the
/// ABI of one version, with a GIL or free-threaded.
///
/// Build scripts typically match on it:
///
/// ```
/// use pyo3_build_config::{GilUsed, PythonAbiKind, StableAbi};
/// fn describe(kind: PythonAbiKind) -> &'static str {
///     match kind {
///         PythonAbiKind::Stable(StableAbi::Abi3) => "stable ABI",
///         PythonAbiKind::Stable(StableAbi::Abi3t) => "free-threaded stable ABI",
///         PythonAbiKind::VersionSpecific(GilUsed::GilEnabled) => "one version",
///         PythonAbiKind::VersionSpecific(GilUsed::FreeThreaded) => "one free-threaded version",
///     }
/// }
/// assert_eq!(describe("abi3".parse()?), "stable ABI");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PythonAbiKind {
    /// A stable ABI: the module loads in its minimum Python version and every later one.
    Stable(StableAbi),
    /// The ABI of exactly one Python version, in its GIL-enabled or free-threaded build.
    VersionSpecific(GilUsed),
}

impl PythonAbiKind {
    /// Whether objects have the free-threaded layout (`abi3t`, or a free-threaded
    /// version-specific build).
    pub fn is_free_threaded(self) -> bool {
        matches!(
            self,
            PythonAbiKind::Stable(StableAbi::Abi3t)
                | PythonAbiKind::VersionSpecific(GilUsed::FreeThreaded)
        )
    }
}

impl fmt::Display for PythonAbiKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PythonAbiKind::Stable(s) => s.fmt(f),
            PythonAbiKind::VersionSpecific(g) => g.fmt(f),
        }
    }
}

impl FromStr for PythonAbiKind {
    type Err = Error;

    /// Parses the `Display` form: `abi3`, `abi3t`, `gil_enabled` or `free_threaded`.
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "abi3" => PythonAbiKind::Stable(StableAbi::Abi3),
            "abi3t" => PythonAbiKind::Stable(StableAbi::Abi3t),
            "gil_enabled" => PythonAbiKind::VersionSpecific(GilUsed::GilEnabled),
            "free_threaded" => PythonAbiKind::VersionSpecific(GilUsed::FreeThreaded),
            _ => bail!(
                "unknown Python ABI kind `{}` (expected abi3, abi3t, gil_enabled or free_threaded)",
                s
            ),
        })
    }
}

/// The ABI a build targets: implementation, [`PythonAbiKind`], version and whether the
/// interpreter is a debug build. Its text form is `<implementation>-<kind>-<X.Y>`, plus `-debug`
/// for a debug build.
///
/// For a stable ABI the version is the oldest Python version the build supports; for a
/// version-specific ABI it is the one version it supports.
///
/// ```
/// use pyo3_build_config::{PythonAbi, PythonAbiKind, StableAbi, PythonImplementation, PythonVersion};
/// let abi: PythonAbi = "CPython-abi3-3.9".parse()?;
/// assert_eq!(abi.kind(), PythonAbiKind::Stable(StableAbi::Abi3));
/// assert_eq!(abi.version(), PythonVersion::PY39);
/// assert_eq!(abi.implementation(), PythonImplementation::CPython);
/// assert!(!abi.is_debug());
/// assert_eq!(abi.to_string(), "CPython-abi3-3.9");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PythonAbi {
    implementation: PythonImplementation,
    kind: PythonAbiKind,
    version: PythonVersion,
    debug: bool,
}

impl PythonAbi {
    /// The ABI to build for an interpreter of `version`: with `stable_abi` set, that stable ABI
    /// from the given minimum version on (an error if the minimum is newer than `version`);
    /// otherwise the version-specific ABI of `version`, free-threaded if `gil_disabled`.
    ///
    /// No cargo feature is consulted: the caller chooses the stable ABI.
    pub fn from_stable_abi(
        implementation: PythonImplementation,
        version: PythonVersion,
        stable_abi: Option<(StableAbi, PythonVersion)>,
        gil_disabled: bool,
    ) -> Result<PythonAbi> {
        let mut builder = match stable_abi {
            Some((kind, minimum)) => {
                ensure!(
                    minimum <= version,
                    "the minimum version {} of the {} stable ABI is newer than the interpreter \
                     version {}",
                    minimum,
                    kind,
                    version
                );
                PythonAbiBuilder::new(implementation, minimum).stable_abi(kind)
            }
            None => PythonAbiBuilder::new(implementation, version),
        };
        if gil_disabled {
            builder = builder.free_threaded();
        }
        builder.finalize()
    }

    /// Like [`from_stable_abi`](Self::from_stable_abi), with the stable ABI chosen from the
    /// `abi3`/`abi3t` cargo features of the running build script (`CARGO_FEATURE_ABI3T`
    /// selects `abi3t`): a stable ABI applies when `stable_abi_version` is given. A
    /// free-threaded interpreter that only has the `abi3` feature gets its version-specific
    /// ABI, since `abi3` has no free-threaded layout.
    #[deprecated(
        since = "0.30.1",
        note = "use `PythonAbi::from_stable_abi` and pass the stable ABI to target explicitly; selecting it from the `abi3`/`abi3t` cargo features is handled internally by PyO3's build scripts"
    )]
    pub fn from_build_env(
        implementation: PythonImplementation,
        version: PythonVersion,
        stable_abi_version: Option<PythonVersion>,
        gil_disabled: bool,
    ) -> Result<PythonAbi> {
        let abi3t = std::env::var_os("CARGO_FEATURE_ABI3T").is_some();
        Self::from_stable_abi(
            implementation,
            version,
            stable_abi_from_features(stable_abi_version, abi3t, gil_disabled),
            gil_disabled,
        )
    }

    /// The Python implementation flavor.
    pub fn implementation(&self) -> PythonImplementation {
        self.implementation
    }

    /// The ABI flavor.
    pub fn kind(&self) -> PythonAbiKind {
        self.kind
    }

    /// Python `X.Y` version, e.g. `3.9` (for a stable ABI: the oldest supported version).
    pub fn version(&self) -> PythonVersion {
        self.version
    }

    /// Whether this is targeting a debug build of the interpreter.
    pub fn is_debug(&self) -> bool {
        self.debug
    }

    /// A copy with the debug marker set (`Py_DEBUG` in the build flags).
    pub(crate) fn with_debug(mut self) -> Self {
        self.debug = true;
        self
    }

    /// An ABI assembled without the builder's checks, for describing configurations that
    /// were given as they are (a config file may combine settings no interpreter has).
    pub(crate) fn unchecked(
        implementation: PythonImplementation,
        kind: PythonAbiKind,
        version: PythonVersion,
        debug: bool,
    ) -> Self {
        PythonAbi {
            implementation,
            kind,
            version,
            debug,
        }
    }
}

/// The stable ABI `from_build_env` selects from the features.
fn stable_abi_from_features(
    minimum: Option<PythonVersion>,
    abi3t_feature: bool,
    gil_disabled: bool,
) -> Option<(StableAbi, PythonVersion)> {
    let minimum = minimum?;
    if abi3t_feature {
        Some((StableAbi::Abi3t, minimum))
    } else if gil_disabled {
        None
    } else {
        Some((StableAbi::Abi3, minimum))
    }
}

impl fmt::Display for PythonAbi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.implementation, self.kind, self.version)?;
        if self.debug {
            f.write_str("-debug")?;
        }
        Ok(())
    }
}

impl FromStr for PythonAbi {
    type Err = Error;

    /// Parses the `Display` form and validates it like [`PythonAbiBuilder::finalize`].
    fn from_str(s: &str) -> Result<Self> {
        let parts: Vec<&str> = s.split('-').collect();
        let debug = match parts.as_slice() {
            [_, _, _] => false,
            [_, _, _, "debug"] => true,
            _ => bail!(
                "invalid Python ABI `{}` (expected `<implementation>-<kind>-<X.Y>[-debug]`, \
                 e.g. `CPython-abi3-3.9`)",
                s
            ),
        };
        let implementation: PythonImplementation = parts[0].parse()?;
        let kind: PythonAbiKind = parts[1].parse()?;
        let version: PythonVersion = parts[2].parse()?;
        let mut builder = PythonAbiBuilder::new(implementation, version);
        builder = match kind {
            PythonAbiKind::Stable(stable) => builder.stable_abi(stable),
            PythonAbiKind::VersionSpecific(GilUsed::GilEnabled) => builder,
            PythonAbiKind::VersionSpecific(GilUsed::FreeThreaded) => builder.free_threaded(),
        };
        if debug {
            builder = builder.debug();
        }
        builder.finalize()
    }
}

/// Builds a [`PythonAbi`], checking that the combination exists.
///
/// ```
/// use pyo3_build_config::{PythonAbiBuilder, PythonAbiKind, GilUsed, PythonImplementation, PythonVersion};
/// let abi = PythonAbiBuilder::new(PythonImplementation::CPython, PythonVersion::PY313)
///     .free_threaded()
///     .finalize()?;
/// assert_eq!(abi.kind(), PythonAbiKind::VersionSpecific(GilUsed::FreeThreaded));
/// assert_eq!(abi.to_string(), "CPython-free_threaded-3.13");
/// // there is no free-threaded build of 3.12
/// assert!(PythonAbiBuilder::new(PythonImplementation::CPython, PythonVersion::PY312)
///     .free_threaded()
///     .finalize()
///     .is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct PythonAbiBuilder {
    implementation: PythonImplementation,
    version: PythonVersion,
    stable: Option<StableAbi>,
    free_threaded: bool,
    debug: bool,
}

impl PythonAbiBuilder {
    /// Starts from the GIL-enabled, version-specific, non-debug ABI of `version`.
    pub fn new(implementation: PythonImplementation, version: PythonVersion) -> PythonAbiBuilder {
        PythonAbiBuilder {
            implementation,
            version,
            stable: None,
            free_threaded: false,
            debug: false,
        }
    }

    /// Targets a stable ABI; `version` becomes its minimum Python version.
    pub fn stable_abi(mut self, kind: StableAbi) -> PythonAbiBuilder {
        self.stable = Some(kind);
        self
    }

    /// Targets a debug build of the interpreter.
    pub fn debug(mut self) -> PythonAbiBuilder {
        self.debug = true;
        self
    }

    /// Targets the free-threaded object layout.
    pub fn free_threaded(mut self) -> PythonAbiBuilder {
        self.free_threaded = true;
        self
    }

    /// Checks the combination: `abi3t` needs Python 3.15+, a free-threaded ABI needs Python
    /// 3.13+, and the `abi3` stable ABI has no free-threaded layout.
    pub fn finalize(self) -> Result<PythonAbi> {
        let kind = match self.stable {
            Some(StableAbi::Abi3) => {
                ensure!(
                    !self.free_threaded,
                    "the abi3 stable ABI has no free-threaded layout; use abi3t (Python {}+) \
                     or a version-specific ABI",
                    FIRST_ABI3T
                );
                PythonAbiKind::Stable(StableAbi::Abi3)
            }
            Some(StableAbi::Abi3t) => {
                ensure!(
                    self.version >= FIRST_ABI3T,
                    "the abi3t stable ABI needs Python {} or newer, not {}",
                    FIRST_ABI3T,
                    self.version
                );
                PythonAbiKind::Stable(StableAbi::Abi3t)
            }
            None if self.free_threaded => {
                ensure!(
                    self.version >= FIRST_FREE_THREADED,
                    "free-threaded Python builds exist from Python {}, not {}",
                    FIRST_FREE_THREADED,
                    self.version
                );
                PythonAbiKind::VersionSpecific(GilUsed::FreeThreaded)
            }
            None => PythonAbiKind::VersionSpecific(GilUsed::GilEnabled),
        };
        Ok(PythonAbi {
            implementation: self.implementation,
            kind,
            version: self.version,
            debug: self.debug,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CPY: PythonImplementation = PythonImplementation::CPython;

    #[test]
    fn display_round_trips() {
        for text in [
            "CPython-abi3-3.9",
            "CPython-abi3t-3.15",
            "CPython-gil_enabled-3.12",
            "CPython-free_threaded-3.13",
            "PyPy-gil_enabled-3.11-debug",
            "GraalPy-abi3-3.11",
        ] {
            let abi: PythonAbi = text.parse().unwrap();
            assert_eq!(abi.to_string(), text);
        }
    }

    #[test]
    fn parse_errors() {
        let err = |s: &str| s.parse::<PythonAbi>().unwrap_err().to_string();
        assert!(err("CPython-abi3").starts_with("invalid Python ABI `CPython-abi3`"));
        assert!(err("CPython-abi3-3.9-release").starts_with("invalid Python ABI"));
        assert!(err("Jython-abi3-3.9").starts_with("unknown Python implementation `Jython`"));
        assert!(err("CPython-abi4-3.9").starts_with("unknown Python ABI kind `abi4`"));
        assert!(err("CPython-abi3-three").starts_with("invalid Python version `three`"));
        assert_eq!(
            err("CPython-abi3t-3.14"),
            "the abi3t stable ABI needs Python 3.15 or newer, not 3.14"
        );
    }

    #[test]
    fn builder_rules() {
        let b = || PythonAbiBuilder::new(CPY, PythonVersion::PY313);
        assert_eq!(
            b().finalize().unwrap().kind(),
            PythonAbiKind::VersionSpecific(GilUsed::GilEnabled)
        );
        let ft = b().free_threaded().debug().finalize().unwrap();
        assert!(ft.kind().is_free_threaded());
        assert!(ft.is_debug());
        assert!(b()
            .stable_abi(StableAbi::Abi3)
            .free_threaded()
            .finalize()
            .is_err());
        assert!(b().stable_abi(StableAbi::Abi3t).finalize().is_err());
        let t = PythonAbiBuilder::new(CPY, PythonVersion::PY315)
            .stable_abi(StableAbi::Abi3t)
            .finalize()
            .unwrap();
        assert_eq!(t.kind(), PythonAbiKind::Stable(StableAbi::Abi3t));
        assert!(t.kind().is_free_threaded());
        assert!(!PythonAbiKind::Stable(StableAbi::Abi3).is_free_threaded());
    }

    #[test]
    fn from_stable_abi() {
        let abi = PythonAbi::from_stable_abi(
            CPY,
            PythonVersion::PY312,
            Some((StableAbi::Abi3, PythonVersion::PY39)),
            false,
        )
        .unwrap();
        assert_eq!(abi.to_string(), "CPython-abi3-3.9");
        let abi = PythonAbi::from_stable_abi(CPY, PythonVersion::PY313, None, true).unwrap();
        assert_eq!(abi.to_string(), "CPython-free_threaded-3.13");
        let err = PythonAbi::from_stable_abi(
            CPY,
            PythonVersion::PY310,
            Some((StableAbi::Abi3, PythonVersion::PY312)),
            false,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the minimum version 3.12 of the abi3 stable ABI is newer than the interpreter \
             version 3.10"
        );
    }

    #[test]
    fn features_select_the_stable_abi() {
        let v = Some(PythonVersion::PY39);
        assert_eq!(
            stable_abi_from_features(v, false, false),
            Some((StableAbi::Abi3, PythonVersion::PY39))
        );
        assert_eq!(stable_abi_from_features(v, false, true), None);
        assert_eq!(
            stable_abi_from_features(v, true, true),
            Some((StableAbi::Abi3t, PythonVersion::PY39))
        );
        assert_eq!(stable_abi_from_features(None, true, true), None);
    }

    #[test]
    #[allow(deprecated)]
    fn from_build_env_without_features() {
        // The test binary is not a build script: no CARGO_FEATURE_ABI3T.
        let abi =
            PythonAbi::from_build_env(CPY, PythonVersion::PY311, Some(PythonVersion::PY310), false)
                .unwrap();
        assert_eq!(abi.to_string(), "CPython-abi3-3.10");
    }
}
