//! Reading environment variables in a way tests can replace.
//!
//! Build scripts read through [`Env::process`], which also tells cargo to rerun the build
//! script when a variable that was read changes (`cargo:rerun-if-env-changed=`). Tests use
//! [`Env::from_pairs`] so that nothing depends on the real environment.

use std::collections::HashMap;
use std::ffi::OsString;

/// A source of environment variables.
#[derive(Debug, Clone)]
pub struct Env {
    vars: Option<HashMap<String, OsString>>,
    emit_rerun: bool,
}

impl Env {
    /// The process environment; each variable read is reported to cargo as a rerun trigger.
    pub fn process() -> Self {
        Env {
            vars: None,
            emit_rerun: true,
        }
    }

    /// The process environment without printing any cargo instruction.
    pub fn process_quiet() -> Self {
        Env {
            vars: None,
            emit_rerun: false,
        }
    }

    /// A fixed set of variables (for tests).
    pub fn from_pairs<K: Into<String>, V: Into<OsString>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Env {
            vars: Some(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.into(), v.into()))
                    .collect(),
            ),
            emit_rerun: false,
        }
    }

    /// Reads a variable that the user may set (a rerun trigger in build scripts).
    pub fn var_os(&self, name: &str) -> Option<OsString> {
        if self.emit_rerun {
            println!("cargo:rerun-if-env-changed={}", name);
        }
        self.raw(name)
    }

    /// Reads a variable as UTF-8 text; non-UTF-8 values are treated as unset.
    pub fn var(&self, name: &str) -> Option<String> {
        self.var_os(name).and_then(|v| v.into_string().ok())
    }

    /// Whether a variable is set to a value other than empty or `0`.
    pub fn flag(&self, name: &str) -> bool {
        match self.var(name) {
            Some(v) => !(v.is_empty() || v == "0"),
            None => false,
        }
    }

    /// Reads a variable that cargo sets for build scripts (never a rerun trigger).
    pub fn cargo_var(&self, name: &str) -> Option<String> {
        self.raw(name).and_then(|v| v.into_string().ok())
    }

    /// Whether cargo enabled feature `name` (spelled as in Cargo.toml) of the package whose
    /// build script is running.
    pub fn feature(&self, name: &str) -> bool {
        let key = format!("CARGO_FEATURE_{}", name.to_uppercase().replace('-', "_"));
        self.raw(&key).is_some()
    }

    /// Tells cargo to rerun the build script when the file at `path` changes (only for the
    /// process environment).
    pub fn track_file(&self, path: &std::path::Path) {
        if self.emit_rerun {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }

    fn raw(&self, name: &str) -> Option<OsString> {
        match &self.vars {
            Some(map) => map.get(name).cloned(),
            None => std::env::var_os(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injected_values() {
        let env = Env::from_pairs([("A", "1"), ("B", "0"), ("CARGO_FEATURE_ABI3_PY39", "1")]);
        assert!(env.flag("A"));
        assert!(!env.flag("B"));
        assert!(!env.flag("C"));
        assert_eq!(env.var("A").as_deref(), Some("1"));
        assert!(env.feature("abi3-py39"));
        assert!(!env.feature("abi3"));
    }
}
