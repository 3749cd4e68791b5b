//! Finding the Python interpreter and querying it (once) for its configuration.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::config::InterpreterConfig;
use crate::env::Env;
use crate::errors::{Context, Error, Result};
use crate::flags::BuildFlags;
use crate::version::{PythonImplementation, PythonVersion};

/// The script run by [`InterpreterConfig::from_interpreter`]; prints one `key=value` per line.
const QUERY_SCRIPT: &str = r#"
import os, platform, struct, sys, sysconfig
def var(name):
    value = sysconfig.get_config_var(name)
    return "" if value is None else str(value)
def put(key, value):
    print(key + "=" + str(value).replace("\n", " "))
put("implementation", platform.python_implementation())
put("version", "%d.%d" % sys.version_info[:2])
put("abiflags", getattr(sys, "abiflags", ""))
put("os_name", os.name)
put("platform", sys.platform)
put("executable", sys.executable or "")
put("base_prefix", getattr(sys, "base_prefix", sys.prefix))
put("pointer_width", struct.calcsize("P") * 8)
for name in ("Py_ENABLE_SHARED", "LIBDIR", "LDLIBRARY", "LDVERSION", "VERSION", "EXT_SUFFIX",
             "Py_GIL_DISABLED", "Py_DEBUG", "Py_REF_DEBUG", "Py_TRACE_REFS", "COUNT_ALLOCS",
             "PYTHONFRAMEWORKPREFIX", "MULTIARCH"):
    put(name, var(name))
"#;

/// Locates the interpreter to query: `PYO3_PYTHON`, else the active virtualenv's interpreter
/// (`VIRTUAL_ENV`), else the conda environment's (`CONDA_PREFIX`), else `python3` or `python`
/// found on `PATH`. Returns `None` when nothing is found.
pub fn find_interpreter(env: &Env) -> Option<PathBuf> {
    if let Some(python) = env.var_os("PYO3_PYTHON") {
        if !python.is_empty() {
            return Some(PathBuf::from(python));
        }
    }
    let windows = cfg!(windows);
    if let Some(venv) = env.var_os("VIRTUAL_ENV").filter(|v| !v.is_empty()) {
        let venv = PathBuf::from(venv);
        let python = if windows {
            venv.join("Scripts").join("python.exe")
        } else {
            venv.join("bin").join("python")
        };
        if python.is_file() {
            return Some(python);
        }
    }
    if let Some(conda) = env.var_os("CONDA_PREFIX").filter(|v| !v.is_empty()) {
        let conda = PathBuf::from(conda);
        let python = if windows {
            conda.join("python.exe")
        } else {
            conda.join("bin").join("python")
        };
        if python.is_file() {
            return Some(python);
        }
    }
    let path = env.var_os("PATH")?;
    let names: &[&str] = if windows {
        &["python3.exe", "python.exe"]
    } else {
        &["python3", "python"]
    };
    names.iter().find_map(|name| search_path(&path, name))
}

fn search_path(path: &OsString, name: &str) -> Option<PathBuf> {
    std::env::split_paths(path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// Runs `script` with `interpreter` (`-c` is not used: the script goes through stdin) and
/// returns its standard output.
pub fn run_python_script(interpreter: &Path, script: &str) -> Result<String> {
    run_python_script_with_envs(interpreter, script, std::iter::empty::<(&str, &str)>())
}

/// Like [`run_python_script`], with extra environment variables for the child.
pub fn run_python_script_with_envs<I, K, V>(
    interpreter: &Path,
    script: &str,
    envs: I,
) -> Result<String>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<std::ffi::OsStr>,
    V: AsRef<std::ffi::OsStr>,
{
    use std::io::Write;
    let mut child = Command::new(interpreter)
        .arg("-")
        .envs(envs)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| {
            Error::new(format!(
                "failed to run the Python interpreter at `{}`: {} (set PYO3_PYTHON to the \
                 path of a Python 3 interpreter)",
                interpreter.display(),
                e
            ))
        })?;
    let sent = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(script.as_bytes());
    match sent {
        // Something that is not Python may exit without reading its input: what it printed
        // and its exit status (checked below) explain that better than a broken pipe.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context(format!(
            "failed to send the script to the Python interpreter at `{}`",
            interpreter.display()
        ))?,
    }
    let output = child
        .wait_with_output()
        .context("failed to wait for the Python interpreter")?;
    if !output.status.success() {
        bail!(
            "the Python interpreter at `{}` failed ({}):\n{}",
            interpreter.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    String::from_utf8(output.stdout).context("the Python interpreter printed non-UTF-8 output")
}

/// The values printed by the query script.
#[derive(Debug, Clone, Default)]
pub struct InterpreterFacts(pub HashMap<String, String>);

impl InterpreterFacts {
    /// Parses `key=value` lines.
    pub fn parse(output: &str) -> Self {
        InterpreterFacts(
            output
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
                .collect(),
        )
    }

    /// A value, `None` when absent or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    fn is_true(&self, key: &str) -> bool {
        self.get(key)
            .and_then(|v| v.parse::<i64>().ok())
            .is_some_and(|v| v != 0)
    }
}

/// Runs the query script once with `interpreter` and returns the raw facts.
pub fn query_interpreter(interpreter: &Path) -> Result<InterpreterFacts> {
    let output = run_python_script(interpreter, QUERY_SCRIPT)?;
    Ok(InterpreterFacts::parse(&output))
}

/// Turns the facts reported by an interpreter into a config (abi3 is left `false`).
pub fn config_from_facts(facts: &InterpreterFacts) -> Result<InterpreterConfig> {
    let version: PythonVersion = facts
        .get("version")
        .ok_or_else(|| Error::new("the Python interpreter did not report its version"))?
        .parse()?;
    let implementation: PythonImplementation =
        facts.get("implementation").unwrap_or("CPython").parse()?;
    let windows = facts.get("os_name") == Some("nt");
    let build_flags = BuildFlags::from_config_values(
        BuildFlags::ALL
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .iter()
            .filter_map(|name| facts.get(name).map(|v| (name.as_str(), v))),
    );
    let debug = build_flags.contains(&crate::flags::BuildFlag::Py_DEBUG);
    let free_threaded = build_flags.contains(&crate::flags::BuildFlag::Py_GIL_DISABLED);
    let shared = windows || implementation.is_pypy() || facts.is_true("Py_ENABLE_SHARED");
    let lib_name = if windows {
        Some(crate::link::default_lib_name_windows(
            version,
            implementation,
            false,
            false,
            debug,
            free_threaded,
        ))
    } else {
        lib_name_unix(facts, version, implementation)
    };
    let lib_dir = if windows {
        facts
            .get("base_prefix")
            .map(|p| Path::new(p).join("libs").to_string_lossy().into_owned())
    } else {
        facts.get("LIBDIR").map(str::to_owned)
    };
    let mut config = InterpreterConfig::new(implementation, version);
    config.shared = shared;
    config.lib_name = lib_name;
    config.lib_dir = lib_dir;
    config.executable = facts.get("executable").map(str::to_owned);
    config.pointer_width = facts.get("pointer_width").and_then(|p| p.parse().ok());
    config.build_flags = build_flags;
    config.python_framework_prefix = facts.get("PYTHONFRAMEWORKPREFIX").map(str::to_owned);
    Ok(config)
}

fn lib_name_unix(
    facts: &InterpreterFacts,
    version: PythonVersion,
    implementation: PythonImplementation,
) -> Option<String> {
    match implementation {
        PythonImplementation::CPython => {
            let ldversion = facts
                .get("LDVERSION")
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{}{}", version, facts.get("abiflags").unwrap_or("")));
            Some(format!("python{}", ldversion))
        }
        PythonImplementation::PyPy => Some(
            facts
                .get("LDLIBRARY")
                .and_then(|l| {
                    let stem = l.strip_prefix("lib")?;
                    Some(stem.split(".so").next()?.split(".dylib").next()?.to_owned())
                })
                .unwrap_or_else(|| format!("pypy{}-c", version)),
        ),
        PythonImplementation::GraalPy => Some("python-native".to_owned()),
        // Never resolved into a build (`check_version` rejects it): nothing to link.
        PythonImplementation::RustPython => None,
    }
}

impl InterpreterConfig {
    /// Queries `interpreter` (one process run) for its configuration.
    ///
    /// The returned config has `abi3 = false`; abi3 features are applied by the build scripts.
    pub fn from_interpreter(interpreter: impl AsRef<Path>) -> Result<Self> {
        let interpreter = interpreter.as_ref();
        let facts = query_interpreter(interpreter)?;
        config_from_facts(&facts).map_err(|e| {
            Error::new(format!(
                "failed to read the configuration of the Python interpreter at `{}`: {}",
                interpreter.display(),
                e.report()
            ))
        })
    }

    /// Runs `script` with this config's interpreter (`executable`) and returns its output.
    pub fn run_python_script(&self, script: &str) -> Result<String> {
        self.run_python_script_with_envs(script, std::iter::empty::<(&str, &str)>())
    }

    /// Like [`run_python_script`](Self::run_python_script), with extra environment variables.
    pub fn run_python_script_with_envs<I, K, V>(&self, script: &str, envs: I) -> Result<String>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<std::ffi::OsStr>,
        V: AsRef<std::ffi::OsStr>,
    {
        let executable = self
            .executable
            .as_ref()
            .ok_or_else(|| Error::new("the PyO3 config has no `executable` to run"))?;
        run_python_script_with_envs(Path::new(executable), script, envs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_to_config() {
        let facts = InterpreterFacts::parse(
            "implementation=CPython\nversion=3.13\nabiflags=t\nos_name=posix\n\
             executable=/x/bin/python3.13t\npointer_width=64\nPy_ENABLE_SHARED=1\n\
             LIBDIR=/x/lib\nLDVERSION=3.13t\nPy_GIL_DISABLED=1\nPy_DEBUG=0\n",
        );
        let c = config_from_facts(&facts).unwrap();
        assert_eq!(c.version, PythonVersion::PY313);
        assert!(c.shared && !c.abi3 && c.is_free_threaded());
        assert_eq!(c.lib_name.as_deref(), Some("python3.13t"));
        assert_eq!(c.lib_dir.as_deref(), Some("/x/lib"));
        assert_eq!(c.pointer_width, Some(64));
        assert_eq!(c.python_framework_prefix, None);
    }

    #[test]
    fn pypy_and_windows() {
        let facts = InterpreterFacts::parse(
            "implementation=PyPy\nversion=3.11\nos_name=posix\nLDLIBRARY=libpypy3.11-c.so\n",
        );
        let c = config_from_facts(&facts).unwrap();
        assert!(c.shared);
        assert_eq!(c.lib_name.as_deref(), Some("pypy3.11-c"));
        let facts = InterpreterFacts::parse(
            "implementation=CPython\nversion=3.12\nos_name=nt\nbase_prefix=C:\\Py\n",
        );
        let c = config_from_facts(&facts).unwrap();
        assert_eq!(c.lib_name.as_deref(), Some("python312"));
        assert!(c.lib_dir.unwrap().ends_with("libs"));
    }

    #[test]
    fn missing_interpreter_is_an_error() {
        let e = InterpreterConfig::from_interpreter("/nonexistent/python3").unwrap_err();
        assert!(e.to_string().contains("PYO3_PYTHON"), "{}", e);
    }

    #[test]
    fn discovery_order() {
        let dir = std::env::temp_dir().join(format!("pyo3-bc-find-{}", std::process::id()));
        let bin = dir.join("venv").join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::write(bin.join("python"), "").unwrap();
        std::fs::write(bin.join("python3"), "").unwrap();
        let venv = dir.join("venv");
        let env = Env::from_pairs([("PYO3_PYTHON", "/explicit/python")]);
        assert_eq!(
            find_interpreter(&env).unwrap(),
            Path::new("/explicit/python")
        );
        let env = Env::from_pairs([
            ("VIRTUAL_ENV", venv.clone()),
            ("CONDA_PREFIX", "/nope".into()),
        ]);
        assert_eq!(find_interpreter(&env).unwrap(), bin.join("python"));
        let env = Env::from_pairs([("CONDA_PREFIX", venv.clone())]);
        assert_eq!(find_interpreter(&env).unwrap(), bin.join("python"));
        let env = Env::from_pairs([("PATH", bin.clone().into_os_string())]);
        assert_eq!(find_interpreter(&env).unwrap(), bin.join("python3"));
        let env = Env::from_pairs([("PATH", "/nonexistent-dir")]);
        assert!(find_interpreter(&env).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Every pyenv CPython 3.9+ on this machine, else `python3` from PATH. Never empty: the
    /// detection test must test something (it panics if there is no interpreter at all).
    fn real_interpreters() -> Vec<PathBuf> {
        let root = Command::new("pyenv")
            .arg("root")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| PathBuf::from(s.trim()))
            .filter(|p| !p.as_os_str().is_empty())
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")));
        let mut found = Vec::new();
        let versions = root
            .and_then(|r| std::fs::read_dir(r.join("versions")).ok())
            .into_iter()
            .flatten()
            .flatten();
        for entry in versions {
            let name = entry.file_name().to_string_lossy().into_owned();
            // "3.X.Y" with X >= 9 (older ones are unsupported and are rejected elsewhere).
            let mut parts = name.split('.');
            let supported = parts.next() == Some("3")
                && parts
                    .next()
                    .and_then(|m| m.parse::<u32>().ok())
                    .is_some_and(|m| m >= 9);
            let python = entry.path().join("bin").join("python3");
            if supported && python.is_file() {
                found.push(python);
            }
        }
        if found.is_empty() {
            let out = Command::new("python3")
                .args(["-c", "import sys; print(sys.executable)"])
                .output()
                .expect("no pyenv CPython 3.9+ and no python3 on PATH: nothing to test against");
            found.push(PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()));
        }
        found.sort();
        found
    }

    #[test]
    fn detection_matches_real_interpreters() {
        let check = "import sys, sysconfig, struct\n\
                     print('%d.%d' % sys.version_info[:2])\n\
                     print(sysconfig.get_config_var('LIBDIR'))\n\
                     print(sysconfig.get_config_var('Py_ENABLE_SHARED'))\n\
                     print(sysconfig.get_config_var('LDVERSION'))\n\
                     print(struct.calcsize('P') * 8)\n\
                     print(bool(sysconfig.get_config_var('Py_GIL_DISABLED')))\n\
                     print(sys.executable)\n";
        let interpreters = real_interpreters();
        assert!(!interpreters.is_empty());
        for python in &interpreters {
            let config = InterpreterConfig::from_interpreter(python).unwrap();
            let out = Command::new(python).arg("-c").arg(check).output().unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let expected: Vec<&str> = text.lines().collect();
            assert_eq!(
                config.version.to_string(),
                expected[0],
                "{}",
                python.display()
            );
            assert_eq!(config.lib_dir.as_deref(), Some(expected[1]));
            assert_eq!(config.shared, expected[2] == "1");
            assert_eq!(
                config.lib_name.as_deref(),
                Some(&*format!("python{}", expected[3]))
            );
            assert_eq!(
                config.pointer_width.map(|w| w.to_string()).as_deref(),
                Some(expected[4])
            );
            assert_eq!(config.is_free_threaded(), expected[5] == "True");
            assert_eq!(config.executable.as_deref(), Some(expected[6]));
            assert_eq!(config.implementation, PythonImplementation::CPython);
            assert!(!config.abi3);
            println!("tested {} -> {}", python.display(), config.version);
        }
        println!("tested {} interpreter(s)", interpreters.len());
    }
}
