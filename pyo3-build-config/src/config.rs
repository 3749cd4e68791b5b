//! [`InterpreterConfig`] and its text file format.
//!
//! The format has one `key=value` per line; blank lines and lines starting with `#` are
//! ignored. Keys: `implementation`, `version`, `shared`, `abi3`, `lib_name`, `lib_dir`,
//! `executable`, `pointer_width`, `build_flags` (comma list),
//! `suppress_build_script_link_lines`, `extra_build_script_line` (repeatable) and
//! `python_framework_prefix`. Only `version` is required.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use crate::abi::{GilUsed, PythonAbi, PythonAbiBuilder, PythonAbiKind, StableAbi};
use crate::errors::{Context, Error, Result};
use crate::flags::{BuildFlag, BuildFlags};
use crate::version::{PythonImplementation, PythonVersion};

/// Configuration needed to build against one Python implementation and version.
///
/// Usually read from a Python interpreter; `PYO3_CONFIG_FILE` supplies it from a file instead,
/// and `PYO3_NO_PYTHON` or cross compilation derive it without running Python.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpreterConfig {
    /// The implementation (`implementation=`).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.implementation()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub implementation: PythonImplementation,
    /// The `X.Y` version used for `Py_3_*` cfgs (`version=`).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.version()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub version: PythonVersion,
    /// Whether libpython is a shared library (`shared=`).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.shared()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub shared: bool,
    /// Whether to build against the stable ABI / limited API (`abi3=`).
    #[deprecated(since = "0.29.0", note = "please match against target_abi instead")]
    pub abi3: bool,
    /// Library to link, without `lib` prefix or extension (`lib_name=`), e.g. `python3.11`.
    #[deprecated(
        since = "0.29.0",
        note = "please use `.lib_name()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub lib_name: Option<String>,
    /// Directory holding the library (`lib_dir=`), passed as `rustc-link-search=native=`.
    #[deprecated(
        since = "0.29.0",
        note = "please use `.lib_dir()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub lib_dir: Option<String>,
    /// Path of the interpreter (`executable=`), used by
    /// [`run_python_script`](InterpreterConfig::run_python_script).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.executable()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub executable: Option<String>,
    /// Pointer width in bits (`pointer_width=`).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.pointer_width()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub pointer_width: Option<u32>,
    /// ABI-relevant build flags (`build_flags=`, comma separated).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.build_flags()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub build_flags: BuildFlags,
    /// When true, no `rustc-link-lib` / `rustc-link-search` lines are printed
    /// (`suppress_build_script_link_lines=`).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.suppress_build_script_link_lines()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub suppress_build_script_link_lines: bool,
    /// Extra lines printed verbatim by build scripts (`extra_build_script_line=`, one per line).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.extra_build_script_lines()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub extra_build_script_lines: Vec<String>,
    /// macOS framework prefix of the interpreter, if any (`python_framework_prefix=`).
    #[deprecated(
        since = "0.29.0",
        note = "please use `.python_framework_prefix()` getter or `InterpreterConfigBuilder` instead"
    )]
    pub python_framework_prefix: Option<String>,
    /// The ABI set explicitly (config file key `target_abi`, or
    /// [`InterpreterConfigBuilder::target_abi`](crate::InterpreterConfigBuilder::target_abi)),
    /// when it differs from the one the fields above imply; see [`target_abi`](Self::target_abi).
    pub(crate) explicit_target_abi: Option<PythonAbi>,
}

/// Getters: the supported way to read a config (the public fields are deprecated).
impl InterpreterConfig {
    /// The Python implementation of the interpreter hosting the build.
    pub fn implementation(&self) -> PythonImplementation {
        self.implementation
    }

    /// The `X.Y` version of the interpreter hosting the build.
    pub fn version(&self) -> PythonVersion {
        self.version
    }

    /// Whether libpython is a shared library.
    pub fn shared(&self) -> bool {
        self.shared
    }

    /// The ABI the build targets, which decides the `Py_3_*`, `Py_LIMITED_API` and
    /// `Py_GIL_DISABLED` cfgs. Unless set explicitly (config file key `target_abi`, or
    /// [`InterpreterConfigBuilder::target_abi`](crate::InterpreterConfigBuilder::target_abi)),
    /// it follows from the other settings: the `abi3` stable ABI from [`version`](Self::version)
    /// on for a stable-ABI build (`abi3t` on a free-threaded interpreter), else the
    /// version-specific ABI; a debug ABI when the build flags contain `Py_DEBUG`.
    ///
    /// ```
    /// use pyo3_build_config::{InterpreterConfigBuilder, PythonAbiKind, StableAbi};
    /// use pyo3_build_config::{PythonImplementation, PythonVersion};
    /// let config = InterpreterConfigBuilder::new(PythonImplementation::CPython, PythonVersion::PY312)
    ///     .stable_abi(StableAbi::Abi3)
    ///     .finalize()?;
    /// assert_eq!(config.target_abi().kind(), PythonAbiKind::Stable(StableAbi::Abi3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target_abi(&self) -> PythonAbi {
        self.explicit_target_abi
            .unwrap_or_else(|| self.implied_target_abi())
    }

    /// The ABI the fields imply (see [`target_abi`](Self::target_abi)).
    pub(crate) fn implied_target_abi(&self) -> PythonAbi {
        let free_threaded = self.is_free_threaded();
        let mut builder = PythonAbiBuilder::new(self.implementation, self.version);
        if self.abi3 {
            builder = builder.stable_abi(if free_threaded {
                StableAbi::Abi3t
            } else {
                StableAbi::Abi3
            });
        } else if free_threaded {
            builder = builder.free_threaded();
        }
        if self.build_flags.contains(&BuildFlag::Py_DEBUG) {
            builder = builder.debug();
        }
        // The combinations the builder rejects (abi3t before 3.15, free-threaded before 3.13)
        // are configurations no interpreter produces; they still get a truthful kind.
        builder.finalize().unwrap_or_else(|_| {
            PythonAbi::unchecked(
                self.implementation,
                match (self.abi3, free_threaded) {
                    (true, false) => PythonAbiKind::Stable(StableAbi::Abi3),
                    (true, true) => PythonAbiKind::Stable(StableAbi::Abi3t),
                    (false, gil) => PythonAbiKind::VersionSpecific(if gil {
                        GilUsed::FreeThreaded
                    } else {
                        GilUsed::GilEnabled
                    }),
                },
                self.version,
                self.build_flags.contains(&BuildFlag::Py_DEBUG),
            )
        })
    }

    /// Whether the build targets a stable ABI.
    #[deprecated(since = "0.29.0", note = "please use `target_abi()` instead")]
    pub fn abi3(&self) -> bool {
        matches!(self.target_abi().kind(), PythonAbiKind::Stable(_))
    }

    /// The library to link, without `lib` prefix or extension, e.g. `python3.11`.
    pub fn lib_name(&self) -> Option<&str> {
        self.lib_name.as_deref()
    }

    /// The directory holding the library, passed as `rustc-link-search=native=`.
    pub fn lib_dir(&self) -> Option<&str> {
        self.lib_dir.as_deref()
    }

    /// Path of the interpreter hosting the build, if one was run.
    pub fn executable(&self) -> Option<&str> {
        self.executable.as_deref()
    }

    /// Pointer width of the target in bits.
    pub fn pointer_width(&self) -> Option<u32> {
        self.pointer_width
    }

    /// The ABI-relevant build flags of the interpreter.
    pub fn build_flags(&self) -> &BuildFlags {
        &self.build_flags
    }

    /// Whether build scripts leave out the `rustc-link-lib` / `rustc-link-search` lines.
    pub fn suppress_build_script_link_lines(&self) -> bool {
        self.suppress_build_script_link_lines
    }

    /// Lines that build scripts print verbatim.
    pub fn extra_build_script_lines(&self) -> &[String] {
        &self.extra_build_script_lines
    }

    /// The macOS framework prefix of the interpreter, if it is a framework build.
    pub fn python_framework_prefix(&self) -> Option<&str> {
        self.python_framework_prefix.as_deref()
    }

    /// Records an explicit target ABI, keeping the deprecated `abi3` field and the
    /// `Py_GIL_DISABLED` / `Py_DEBUG` flags in agreement with it. Stored only when it differs
    /// from what the fields imply, so equal configurations compare equal however they were made.
    pub(crate) fn set_target_abi(&mut self, abi: PythonAbi) {
        self.abi3 = matches!(abi.kind(), PythonAbiKind::Stable(_));
        if abi.kind().is_free_threaded() {
            self.build_flags.insert(BuildFlag::Py_GIL_DISABLED);
        }
        if abi.is_debug() {
            self.build_flags.insert(BuildFlag::Py_DEBUG);
            self.build_flags = std::mem::take(&mut self.build_flags).fixup();
        }
        self.explicit_target_abi = (abi != self.implied_target_abi()).then_some(abi);
    }
}

/// Reads a `target_abi` value that is not in [`PythonAbi`]'s form but in the shorter one some
/// tools write, `<implementation>-<abi kind>[-<X.Y>]` (e.g. `CPython-abi3-3.9`, `CPython-cp312`):
/// a kind of `abi3`/`abi3t` means a stable-ABI build (returned as `true`), any other kind
/// a version-specific one. The implementation and version fill in keys not given on their own.
fn parse_legacy_target_abi(
    value: &str,
    implementation: &mut Option<PythonImplementation>,
    version: &mut Option<PythonVersion>,
) -> Result<bool> {
    let mut parts = value.splitn(3, '-');
    let (imp, kind) = match (parts.next(), parts.next()) {
        (Some(imp), Some(kind)) if !imp.is_empty() && !kind.is_empty() => (imp, kind),
        _ => bail!("expected `<implementation>-<abi>[-<version>]`"),
    };
    if implementation.is_none() {
        *implementation = Some(imp.parse()?);
    }
    if let (None, Some(v)) = (&version, parts.next()) {
        *version = Some(v.parse()?);
    }
    Ok(matches!(kind, "abi3" | "abi3t"))
}

fn parse_bool(value: &str) -> Option<bool> {
    match value {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

impl InterpreterConfig {
    /// A config with the given implementation and version and every other field defaulted
    /// (`shared = true`, no library, no flags).
    pub fn new(implementation: PythonImplementation, version: PythonVersion) -> Self {
        InterpreterConfig {
            implementation,
            version,
            shared: true,
            abi3: false,
            lib_name: None,
            lib_dir: None,
            executable: None,
            pointer_width: None,
            build_flags: BuildFlags::new(),
            suppress_build_script_link_lines: false,
            extra_build_script_lines: Vec::new(),
            python_framework_prefix: None,
            explicit_target_abi: None,
        }
    }

    /// Whether the interpreter is a free-threaded build (`Py_GIL_DISABLED`).
    pub fn is_free_threaded(&self) -> bool {
        self.build_flags.contains(&BuildFlag::Py_GIL_DISABLED)
    }

    /// Reads a config file from `path`.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).context(format!(
            "failed to open PyO3 config file at {}",
            path.display()
        ))?;
        Self::from_reader(file).map_err(|e| {
            Error::new(format!(
                "invalid PyO3 config file {}: {}",
                path.display(),
                e.report()
            ))
        })
    }

    /// Parses the config file format.
    ///
    /// ```
    /// use pyo3_build_config::{InterpreterConfig, PythonVersion};
    /// let config = InterpreterConfig::from_reader("version=3.11\nshared=false\n".as_bytes())?;
    /// assert_eq!(config.version, PythonVersion { major: 3, minor: 11 });
    /// assert!(!config.shared);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_reader(reader: impl Read) -> Result<Self> {
        let mut implementation = None;
        let mut version = None;
        let mut target_abi = None;
        let mut config = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY39);
        for (index, line) in BufReader::new(reader).lines().enumerate() {
            let line = line.context("failed to read config")?;
            let lineno = index + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let bad = |why: &str| Error::new(format!("line {}: `{}`: {}", lineno, line, why));
            let (key, value) = trimmed
                .split_once('=')
                .ok_or_else(|| bad("expected `key=value`"))?;
            let (key, value) = (key.trim(), value.trim());
            let text = || (!value.is_empty()).then(|| value.to_owned());
            let boolean = || parse_bool(value).ok_or_else(|| bad("expected `true` or `false`"));
            match key {
                "implementation" => {
                    implementation = Some(value.parse().map_err(|e: Error| bad(&e.to_string()))?)
                }
                "version" => {
                    let v: PythonVersion = value.parse().map_err(|e: Error| bad(&e.to_string()))?;
                    version = Some(v);
                }
                "shared" => config.shared = boolean()?,
                "abi3" => config.abi3 = boolean()?,
                "target_abi" => match value.parse::<PythonAbi>() {
                    Ok(abi) => {
                        // Without their own keys, the host is taken to be the target.
                        implementation.get_or_insert(abi.implementation());
                        version.get_or_insert(abi.version());
                        target_abi = Some(abi);
                    }
                    Err(_) => {
                        config.abi3 =
                            parse_legacy_target_abi(value, &mut implementation, &mut version)
                                .map_err(|e| bad(&e.to_string()))?;
                    }
                },
                "lib_name" => config.lib_name = text(),
                "lib_dir" => config.lib_dir = text(),
                "executable" => config.executable = text(),
                "pointer_width" => {
                    config.pointer_width = Some(
                        value
                            .parse()
                            .map_err(|_| bad("expected an integer pointer width"))?,
                    )
                }
                "build_flags" => config.build_flags = value.parse()?,
                "suppress_build_script_link_lines" => {
                    config.suppress_build_script_link_lines = boolean()?
                }
                "extra_build_script_line" => config.extra_build_script_lines.push(value.into()),
                "python_framework_prefix" => config.python_framework_prefix = text(),
                _ => return Err(bad("unknown key")),
            }
        }
        config.version = version.ok_or_else(|| Error::new("missing required key `version`"))?;
        config.implementation = implementation.unwrap_or(PythonImplementation::CPython);
        config.build_flags = config.build_flags.fixup();
        if let Some(abi) = target_abi {
            config.set_target_abi(abi);
        }
        Ok(config)
    }

    /// Writes the config in the file format read by [`from_reader`](Self::from_reader).
    ///
    /// ```
    /// use pyo3_build_config::{InterpreterConfig, PythonImplementation, PythonVersion};
    /// let config = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY312);
    /// let mut text = Vec::new();
    /// config.to_writer(&mut text)?;
    /// assert_eq!(InterpreterConfig::from_reader(text.as_slice())?, config);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_writer(&self, mut writer: impl Write) -> Result<()> {
        let mut out = String::new();
        let mut put = |key: &str, value: &dyn std::fmt::Display| {
            out.push_str(&format!("{}={}\n", key, value));
        };
        put("implementation", &self.implementation);
        put("version", &self.version);
        put("shared", &self.shared);
        put("abi3", &self.abi3);
        if let Some(abi) = &self.explicit_target_abi {
            put("target_abi", abi);
        }
        if let Some(v) = &self.lib_name {
            put("lib_name", v);
        }
        if let Some(v) = &self.lib_dir {
            put("lib_dir", v);
        }
        if let Some(v) = &self.executable {
            put("executable", v);
        }
        if let Some(v) = &self.pointer_width {
            put("pointer_width", v);
        }
        put("build_flags", &self.build_flags);
        put(
            "suppress_build_script_link_lines",
            &self.suppress_build_script_link_lines,
        );
        for line in &self.extra_build_script_lines {
            put("extra_build_script_line", line);
        }
        if let Some(v) = &self.python_framework_prefix {
            put("python_framework_prefix", v);
        }
        writer
            .write_all(out.as_bytes())
            .context("failed to write config")?;
        Ok(())
    }

    /// The config as file-format text.
    pub fn to_text(&self) -> String {
        let mut buf = Vec::new();
        self.to_writer(&mut buf)
            .expect("writing to a Vec cannot fail");
        String::from_utf8(buf).expect("config text is UTF-8")
    }

    /// Encodes the config for `links` metadata (a single line of hex digits).
    pub fn to_metadata_value(&self) -> String {
        self.to_text()
            .bytes()
            .map(|b| format!("{:02x}", b))
            .collect()
    }

    /// Decodes [`to_metadata_value`](Self::to_metadata_value).
    pub fn from_metadata_value(value: &str) -> Result<Self> {
        let value = value.trim();
        ensure!(
            value.len() % 2 == 0 && value.bytes().all(|b| b.is_ascii_hexdigit()),
            "malformed PyO3 config metadata"
        );
        let bytes: Vec<u8> = (0..value.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&value[i..i + 2], 16).expect("checked hex digits"))
            .collect();
        Self::from_reader(bytes.as_slice())
    }

    /// Prints `cargo:PYO3_CONFIG=...` so that direct dependents of the `links = "python"`
    /// package (pyo3-ffi) read it back with [`from_cargo_dep_env`](Self::from_cargo_dep_env).
    pub fn to_cargo_dep_env(&self) -> Result<()> {
        println!("cargo:PYO3_CONFIG={}", self.to_metadata_value());
        Ok(())
    }

    /// Reads the config published by pyo3-ffi's build script (`DEP_PYTHON_PYO3_CONFIG`), if
    /// the running build script belongs to a direct dependent of pyo3-ffi.
    pub fn from_cargo_dep_env() -> Option<Result<Self>> {
        println!("cargo:rerun-if-env-changed=DEP_PYTHON_PYO3_CONFIG");
        std::env::var("DEP_PYTHON_PYO3_CONFIG")
            .ok()
            .map(|v| Self::from_metadata_value(&v))
    }

    /// The `cargo:rustc-cfg=` lines for this config (without the check-cfg declarations).
    ///
    /// ```
    /// use pyo3_build_config::{InterpreterConfig, PythonImplementation, PythonVersion};
    /// let mut config = InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY310);
    /// config.abi3 = true;
    /// let lines = config.build_script_outputs();
    /// assert!(lines.contains(&"cargo:rustc-cfg=Py_3_10".to_string()));
    /// assert!(lines.contains(&"cargo:rustc-cfg=Py_LIMITED_API".to_string()));
    /// ```
    pub fn build_script_outputs(&self) -> Vec<String> {
        crate::cfgs::config_cfgs(self)
            .into_iter()
            .map(|cfg| format!("cargo:rustc-cfg={}", cfg))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> InterpreterConfig {
        let mut c = InterpreterConfig::new(PythonImplementation::PyPy, PythonVersion::PY311);
        c.shared = false;
        c.abi3 = true;
        c.lib_name = Some("pypy3.11-c".into());
        c.lib_dir = Some("/opt/pypy/lib".into());
        c.executable = Some("/opt/pypy/bin/pypy3".into());
        c.pointer_width = Some(64);
        c.build_flags = "Py_DEBUG".parse::<BuildFlags>().unwrap().fixup();
        c.suppress_build_script_link_lines = true;
        c.extra_build_script_lines = vec!["cargo:rustc-link-arg=-x".into(), "a=b".into()];
        c.python_framework_prefix = Some("/Library/Frameworks".into());
        c
    }

    #[test]
    fn round_trip() {
        for config in [
            full(),
            InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY39),
        ] {
            let text = config.to_text();
            assert_eq!(
                InterpreterConfig::from_reader(text.as_bytes()).unwrap(),
                config
            );
            let meta = config.to_metadata_value();
            assert!(!meta.contains('\n'));
            assert_eq!(
                InterpreterConfig::from_metadata_value(&meta).unwrap(),
                config
            );
        }
    }

    #[test]
    fn text_format() {
        let text = full().to_text();
        assert!(text.starts_with("implementation=PyPy\nversion=3.11\nshared=false\nabi3=true\n"));
        assert!(text.contains("build_flags=Py_DEBUG,Py_REF_DEBUG\n"));
        assert!(text.contains("extra_build_script_line=a=b\n"));
    }

    #[test]
    fn defaults_and_comments() {
        let c = InterpreterConfig::from_reader("# hi\n\nversion=3.12\n".as_bytes()).unwrap();
        assert_eq!(
            c,
            InterpreterConfig::new(PythonImplementation::CPython, PythonVersion::PY312)
        );
    }

    #[test]
    fn malformed() {
        let err = |s: &str| {
            InterpreterConfig::from_reader(s.as_bytes())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("version=3.11\nnonsense\n"),
            "line 2: `nonsense`: expected `key=value`"
        );
        assert_eq!(err("version=3.11\nfoo=1"), "line 2: `foo=1`: unknown key");
        assert_eq!(
            err("version=3.11\nshared=yes"),
            "line 2: `shared=yes`: expected `true` or `false`"
        );
        assert!(err("version=three").starts_with("line 1: `version=three`: invalid Python version"));
        assert!(err("implementation=Jython\nversion=3.9").starts_with("line 1:"));
        assert_eq!(err("shared=true"), "missing required key `version`");
        assert_eq!(
            InterpreterConfig::from_metadata_value("zz")
                .unwrap_err()
                .to_string(),
            "malformed PyO3 config metadata"
        );
    }

    #[test]
    fn target_abi_key() {
        let read = |s: &str| InterpreterConfig::from_reader(s.as_bytes()).unwrap();
        // The file maturin writes for an abi3-py39 build.
        let c = read(
            "implementation=CPython\nversion=3.9\ntarget_abi=CPython-abi3-3.9\nshared=true\n\
             build_flags=\nsuppress_build_script_link_lines=false",
        );
        assert!(c.abi3);
        assert_eq!(c.version, PythonVersion::PY39);
        assert_eq!(c.implementation, PythonImplementation::CPython);
        let c = read("target_abi=PyPy-abi3t-3.15");
        assert!(c.abi3);
        assert_eq!(c.implementation, PythonImplementation::PyPy);
        assert_eq!(
            c.version,
            PythonVersion {
                major: 3,
                minor: 15
            }
        );
        let c = read("version=3.12\nabi3=true\ntarget_abi=CPython-cp312");
        assert!(!c.abi3);
        assert_eq!(c.version, PythonVersion::PY312);
        let err = InterpreterConfig::from_reader("version=3.9\ntarget_abi=abi3".as_bytes())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("line 2: `target_abi=abi3`"), "{}", err);
    }

    #[test]
    fn from_path_errors_name_the_file() {
        let dir = std::env::temp_dir().join(format!("pyo3-bc-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bad.txt");
        std::fs::write(&file, "version=3.11\noops\n").unwrap();
        let e = InterpreterConfig::from_path(&file).unwrap_err().to_string();
        assert!(
            e.contains("bad.txt") && e.contains("line 2: `oops`"),
            "{}",
            e
        );
        let missing = InterpreterConfig::from_path(dir.join("missing.txt")).unwrap_err();
        assert!(missing.to_string().contains("missing.txt"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
