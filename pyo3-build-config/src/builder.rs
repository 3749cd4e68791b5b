//! [`InterpreterConfigBuilder`]: the supported way to make an [`InterpreterConfig`] in code.

use crate::abi::{PythonAbi, PythonAbiBuilder, PythonAbiKind, StableAbi};
use crate::config::InterpreterConfig;
use crate::errors::Result;
use crate::flags::{BuildFlag, BuildFlags};
use crate::version::{PythonImplementation, PythonVersion};

/// Builds an [`InterpreterConfig`] from the host interpreter's implementation and version.
///
/// Settings not given keep [`InterpreterConfig`]'s defaults: a shared libpython, no library
/// name or directory, no build flags, the GIL-enabled version-specific ABI of `version`.
///
/// ```
/// use pyo3_build_config::{InterpreterConfigBuilder, PythonAbiKind, StableAbi};
/// use pyo3_build_config::{PythonImplementation, PythonVersion};
/// let config = InterpreterConfigBuilder::new(PythonImplementation::CPython, PythonVersion::PY312)
///     .lib_name("python3.12".to_string())
///     .pointer_width(64)
///     .shared(false)
///     .finalize()?;
/// assert_eq!(config.lib_name(), Some("python3.12"));
/// assert_eq!(config.pointer_width(), Some(64));
/// assert!(!config.shared());
/// assert_eq!(config.target_abi().to_string(), "CPython-gil_enabled-3.12");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct InterpreterConfigBuilder {
    config: InterpreterConfig,
    target_abi: Option<PythonAbi>,
    stable_abi: Option<StableAbi>,
    free_threaded: bool,
}

impl InterpreterConfigBuilder {
    /// Starts a config for a host interpreter of `implementation` and `version`.
    pub fn new(
        implementation: PythonImplementation,
        version: PythonVersion,
    ) -> InterpreterConfigBuilder {
        InterpreterConfigBuilder {
            config: InterpreterConfig::new(implementation, version),
            target_abi: None,
            stable_abi: None,
            free_threaded: false,
        }
    }

    /// Sets the target ABI as a whole (it wins over [`stable_abi`](Self::stable_abi) and
    /// [`free_threaded`](Self::free_threaded)). `Py_DEBUG` in the build flags makes a
    /// non-debug ABI a debug one when the config is finalized.
    pub fn target_abi(mut self, target_abi: PythonAbi) -> InterpreterConfigBuilder {
        self.target_abi = Some(target_abi);
        self
    }

    /// Targets a stable ABI with the host version as the minimum.
    pub fn stable_abi(mut self, kind: StableAbi) -> InterpreterConfigBuilder {
        self.stable_abi = Some(kind);
        self
    }

    /// Marks the host interpreter as a free-threaded build (adds `Py_GIL_DISABLED` to the
    /// build flags). Fails for versions without a free-threaded build (before 3.13).
    pub fn free_threaded(mut self) -> Result<InterpreterConfigBuilder> {
        let version = self.config.version();
        // Validates the version alone; the stable ABI is checked by `finalize`.
        PythonAbiBuilder::new(self.config.implementation(), version)
            .free_threaded()
            .finalize()?;
        self.free_threaded = true;
        Ok(self)
    }

    /// Sets the library to link (no `lib` prefix, no extension).
    pub fn lib_name(mut self, lib_name: impl Into<Option<String>>) -> InterpreterConfigBuilder {
        self.config.lib_name = lib_name.into();
        self
    }

    /// Sets the target's pointer width in bits.
    pub fn pointer_width(
        mut self,
        pointer_width: impl Into<Option<u32>>,
    ) -> InterpreterConfigBuilder {
        self.config.pointer_width = pointer_width.into();
        self
    }

    /// Sets the path of the host interpreter.
    pub fn executable(mut self, executable: impl Into<Option<String>>) -> InterpreterConfigBuilder {
        self.config.executable = executable.into();
        self
    }

    /// Leaves out the `rustc-link-*` lines of build scripts.
    pub fn suppress_build_script_link_lines(
        mut self,
        suppress_build_script_link_lines: bool,
    ) -> InterpreterConfigBuilder {
        self.config.suppress_build_script_link_lines = suppress_build_script_link_lines;
        self
    }

    /// Sets the lines build scripts print verbatim.
    pub fn extra_build_script_lines(
        mut self,
        extra_build_script_lines: Vec<String>,
    ) -> InterpreterConfigBuilder {
        self.config.extra_build_script_lines = extra_build_script_lines;
        self
    }

    /// Sets the directory holding the library.
    pub fn lib_dir(mut self, lib_dir: impl Into<Option<String>>) -> InterpreterConfigBuilder {
        self.config.lib_dir = lib_dir.into();
        self
    }

    /// Sets whether libpython is a shared library.
    pub fn shared(mut self, shared: bool) -> InterpreterConfigBuilder {
        self.config.shared = shared;
        self
    }

    /// Sets the interpreter's build flags (`Py_DEBUG` implies `Py_REF_DEBUG`).
    pub fn build_flags(mut self, build_flags: BuildFlags) -> InterpreterConfigBuilder {
        self.config.build_flags = build_flags.fixup();
        self
    }

    /// Sets the macOS framework prefix of the interpreter.
    pub fn python_framework_prefix(
        mut self,
        python_framework_prefix: impl Into<Option<String>>,
    ) -> InterpreterConfigBuilder {
        self.config.python_framework_prefix = python_framework_prefix.into();
        self
    }

    /// Checks the settings and makes the config.
    ///
    /// Errors: a stable ABI that does not exist for the host (`abi3t` before 3.15, `abi3` on
    /// a free-threaded host), an explicit target ABI newer than the host, or one whose object
    /// layout contradicts the host's (free-threaded or not).
    pub fn finalize(self) -> Result<InterpreterConfig> {
        let mut config = self.config;
        if self.free_threaded {
            config.build_flags.insert(BuildFlag::Py_GIL_DISABLED);
        }
        let host_free_threaded = config.is_free_threaded();
        let mut abi = match self.target_abi {
            Some(abi) => abi,
            None => {
                let mut builder = PythonAbiBuilder::new(config.implementation(), config.version());
                if let Some(kind) = self.stable_abi {
                    builder = builder.stable_abi(kind);
                }
                if host_free_threaded {
                    builder = builder.free_threaded();
                }
                builder.finalize()?
            }
        };
        ensure!(
            abi.version() <= config.version(),
            "the target ABI {} is for a newer Python than the host interpreter ({})",
            abi,
            config.version()
        );
        if let PythonAbiKind::VersionSpecific(_) = abi.kind() {
            ensure!(
                abi.version() == config.version(),
                "the version-specific target ABI {} does not match the host interpreter's \
                 version {}",
                abi,
                config.version()
            );
        }
        ensure!(
            abi.kind().is_free_threaded() == host_free_threaded,
            "the target ABI {} does not fit a {} host interpreter",
            abi,
            if host_free_threaded {
                "free-threaded"
            } else {
                "GIL-enabled"
            }
        );
        if config.build_flags.contains(&BuildFlag::Py_DEBUG) {
            abi = abi.with_debug();
        }
        config.set_target_abi(abi);
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::abi::GilUsed;

    const CPY: PythonImplementation = PythonImplementation::CPython;

    #[test]
    fn defaults_match_new() {
        let built = InterpreterConfigBuilder::new(CPY, PythonVersion::PY311)
            .finalize()
            .unwrap();
        assert_eq!(built, InterpreterConfig::new(CPY, PythonVersion::PY311));
        assert_eq!(
            built.target_abi().kind(),
            PythonAbiKind::VersionSpecific(GilUsed::GilEnabled)
        );
    }

    #[test]
    fn every_setter_lands_in_its_getter() {
        let c = InterpreterConfigBuilder::new(PythonImplementation::PyPy, PythonVersion::PY311)
            .lib_name("pypy3.11-c".to_string())
            .lib_dir("/opt/pypy/lib".to_string())
            .executable("/opt/pypy/bin/pypy3".to_string())
            .pointer_width(32)
            .shared(false)
            .suppress_build_script_link_lines(true)
            .extra_build_script_lines(vec!["cargo:warning=hi".into()])
            .python_framework_prefix("/Library/Frameworks".to_string())
            .build_flags("Py_DEBUG".parse().unwrap())
            .finalize()
            .unwrap();
        assert_eq!(c.implementation(), PythonImplementation::PyPy);
        assert_eq!(c.version(), PythonVersion::PY311);
        assert_eq!(c.lib_name(), Some("pypy3.11-c"));
        assert_eq!(c.lib_dir(), Some("/opt/pypy/lib"));
        assert_eq!(c.executable(), Some("/opt/pypy/bin/pypy3"));
        assert_eq!(c.pointer_width(), Some(32));
        assert!(!c.shared());
        assert!(c.suppress_build_script_link_lines());
        assert_eq!(c.extra_build_script_lines(), ["cargo:warning=hi"]);
        assert_eq!(c.python_framework_prefix(), Some("/Library/Frameworks"));
        assert!(c.build_flags().contains(&BuildFlag::Py_REF_DEBUG));
        assert!(c.target_abi().is_debug());
        assert_eq!(c.target_abi().to_string(), "PyPy-gil_enabled-3.11-debug");
    }

    #[test]
    #[allow(deprecated)]
    fn stable_abi_and_free_threading() {
        let c = InterpreterConfigBuilder::new(CPY, PythonVersion::PY312)
            .stable_abi(StableAbi::Abi3)
            .finalize()
            .unwrap();
        assert!(c.abi3() && c.abi3);
        assert_eq!(c.target_abi().to_string(), "CPython-abi3-3.12");

        let ft = InterpreterConfigBuilder::new(CPY, PythonVersion::PY313)
            .free_threaded()
            .unwrap()
            .finalize()
            .unwrap();
        assert!(ft.is_free_threaded());
        assert_eq!(ft.target_abi().to_string(), "CPython-free_threaded-3.13");

        let err = InterpreterConfigBuilder::new(CPY, PythonVersion::PY312)
            .free_threaded()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "free-threaded Python builds exist from Python 3.13, not 3.12"
        );
        assert!(InterpreterConfigBuilder::new(CPY, PythonVersion::PY313)
            .free_threaded()
            .unwrap()
            .stable_abi(StableAbi::Abi3)
            .finalize()
            .is_err());
    }

    #[test]
    fn explicit_target_abi() {
        let abi3_39: PythonAbi = "CPython-abi3-3.9".parse().unwrap();
        let c = InterpreterConfigBuilder::new(CPY, PythonVersion::PY312)
            .target_abi(abi3_39)
            .finalize()
            .unwrap();
        assert_eq!(c.version(), PythonVersion::PY312);
        assert_eq!(c.target_abi(), abi3_39);
        // the explicit ABI survives the config file
        let back = InterpreterConfig::from_reader(c.to_text().as_bytes()).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.target_abi(), abi3_39);
        // and decides the version cfgs
        let cfgs = crate::cfgs::config_cfgs(&c);
        assert!(cfgs.contains(&"Py_3_9".to_string()));
        assert!(!cfgs.contains(&"Py_3_10".to_string()));
        assert!(cfgs.contains(&"Py_LIMITED_API".to_string()));

        let err = |abi: &str, version| {
            InterpreterConfigBuilder::new(CPY, version)
                .target_abi(abi.parse().unwrap())
                .finalize()
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("CPython-abi3-3.12", PythonVersion::PY310),
            "the target ABI CPython-abi3-3.12 is for a newer Python than the host interpreter (3.10)"
        );
        assert_eq!(
            err("CPython-gil_enabled-3.10", PythonVersion::PY312),
            "the version-specific target ABI CPython-gil_enabled-3.10 does not match the host \
             interpreter's version 3.12"
        );
        assert_eq!(
            err("CPython-free_threaded-3.13", PythonVersion::PY313),
            "the target ABI CPython-free_threaded-3.13 does not fit a GIL-enabled host interpreter"
        );
    }
}
