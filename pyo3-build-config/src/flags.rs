//! Interpreter build flags (C preprocessor defines) that change the ABI.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use crate::errors::Error;

/// A preprocessor define of the Python build that PyO3 cares about.
///
/// Flags become `#[cfg(py_sys_config = "...")]` (and `Py_GIL_DISABLED` becomes
/// `#[cfg(Py_GIL_DISABLED)]`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[allow(non_camel_case_types)]
pub enum BuildFlag {
    /// Debug build (`--with-pydebug`).
    Py_DEBUG,
    /// Reference count debugging (implied by `Py_DEBUG`).
    Py_REF_DEBUG,
    /// Object tracing (`--with-trace-refs`), which changes `PyObject`'s layout.
    Py_TRACE_REFS,
    /// Free-threaded build (`--disable-gil`, Python 3.13+).
    Py_GIL_DISABLED,
    /// Allocation counting (old Pythons only).
    COUNT_ALLOCS,
    /// Any other flag, kept verbatim.
    Other(String),
}

impl fmt::Display for BuildFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildFlag::Other(s) => f.write_str(s),
            _ => write!(f, "{:?}", self),
        }
    }
}

impl FromStr for BuildFlag {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "Py_DEBUG" => BuildFlag::Py_DEBUG,
            "Py_REF_DEBUG" => BuildFlag::Py_REF_DEBUG,
            "Py_TRACE_REFS" => BuildFlag::Py_TRACE_REFS,
            "Py_GIL_DISABLED" => BuildFlag::Py_GIL_DISABLED,
            "COUNT_ALLOCS" => BuildFlag::COUNT_ALLOCS,
            other => BuildFlag::Other(other.to_owned()),
        })
    }
}

/// The set of [`BuildFlag`]s of an interpreter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildFlags(pub HashSet<BuildFlag>);

impl BuildFlags {
    /// Every flag this crate knows how to detect.
    pub const ALL: [BuildFlag; 5] = [
        BuildFlag::Py_DEBUG,
        BuildFlag::Py_REF_DEBUG,
        BuildFlag::Py_TRACE_REFS,
        BuildFlag::Py_GIL_DISABLED,
        BuildFlag::COUNT_ALLOCS,
    ];

    /// An empty set.
    pub fn new() -> Self {
        BuildFlags(HashSet::new())
    }

    /// Whether `flag` is present.
    pub fn contains(&self, flag: &BuildFlag) -> bool {
        self.0.contains(flag)
    }

    /// Adds `flag`.
    pub fn insert(&mut self, flag: BuildFlag) {
        self.0.insert(flag);
    }

    /// Builds the set from `(name, value)` pairs as read from `sysconfig`: a flag is present when
    /// its value is a non-zero integer. `Py_DEBUG` implies `Py_REF_DEBUG`.
    pub fn from_config_values<'a>(values: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut flags = BuildFlags::new();
        for (name, value) in values {
            let on = value.trim().parse::<i64>().map(|v| v != 0).unwrap_or(false);
            if on {
                flags.insert(name.parse().unwrap_or_else(|e| match e {}));
            }
        }
        flags.fixup()
    }

    /// Adds the flags implied by others (`Py_DEBUG` implies `Py_REF_DEBUG`).
    pub fn fixup(mut self) -> Self {
        if self.contains(&BuildFlag::Py_DEBUG) {
            self.insert(BuildFlag::Py_REF_DEBUG);
        }
        self
    }

    /// The flags in a fixed order (known flags first, then others sorted).
    pub fn sorted(&self) -> Vec<BuildFlag> {
        let mut known: Vec<BuildFlag> = Self::ALL
            .iter()
            .filter(|f| self.contains(f))
            .cloned()
            .collect();
        let mut others: Vec<BuildFlag> = self
            .0
            .iter()
            .filter(|f| matches!(f, BuildFlag::Other(_)))
            .cloned()
            .collect();
        others.sort_by_key(|f| f.to_string());
        known.extend(others);
        known
    }
}

impl fmt::Display for BuildFlags {
    /// Comma-separated list, as used in the config file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.sorted().iter().map(|f| f.to_string()).collect();
        f.write_str(&names.join(","))
    }
}

impl FromStr for BuildFlags {
    type Err = Error;

    /// Parses a comma-separated list (empty items are ignored).
    fn from_str(s: &str) -> Result<Self, Error> {
        let mut flags = BuildFlags::new();
        for item in s.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            flags.insert(item.parse().unwrap_or_else(|e| match e {}));
        }
        Ok(flags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let flags: BuildFlags = "Py_TRACE_REFS, Py_DEBUG,Custom".parse().unwrap();
        assert_eq!(flags.to_string(), "Py_DEBUG,Py_TRACE_REFS,Custom");
        let again: BuildFlags = flags.to_string().parse().unwrap();
        assert_eq!(again, flags);
        assert_eq!("".parse::<BuildFlags>().unwrap(), BuildFlags::new());
    }

    #[test]
    fn from_values_and_fixup() {
        let flags = BuildFlags::from_config_values([
            ("Py_DEBUG", "1"),
            ("Py_TRACE_REFS", "0"),
            ("Py_GIL_DISABLED", "None"),
        ]);
        assert!(flags.contains(&BuildFlag::Py_DEBUG));
        assert!(flags.contains(&BuildFlag::Py_REF_DEBUG));
        assert!(!flags.contains(&BuildFlag::Py_TRACE_REFS));
        assert!(!flags.contains(&BuildFlag::Py_GIL_DISABLED));
    }
}
