//! Bad build configuration gives one clear error, never a panic: a malformed
//! `PYO3_CONFIG_FILE`, `PYO3_PYTHON` pointing at something that is not Python, abi3 features
//! newer than the interpreter, and cross-compiling without the target's sysconfigdata.
//!
//! Each case goes through `resolve` with a replaced environment, exactly as the build scripts
//! call it (they print `error: <report>` and exit 1 on `Err`); a panic anywhere in resolution
//! fails the test. scripts/check-bad-config.sh runs some of the same cases through the real
//! build script.

use std::path::{Path, PathBuf};

use pyo3_build_config::pyo3_build_script_impl::{resolve, Env, Warnings};

/// A scratch directory for this test binary.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyo3-bad-config-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The full error report `resolve` gives for `pairs`; panics if resolution succeeds.
fn report(pairs: Vec<(&str, std::ffi::OsString)>) -> String {
    let mut warnings = Warnings::new();
    match resolve(&Env::from_pairs(pairs), &mut warnings) {
        Ok(config) => panic!("expected an error, got {config:?}"),
        Err(e) => e.report(),
    }
}

/// The path of `python3` as the running machine resolves it.
fn real_python() -> PathBuf {
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .expect("python3 on PATH");
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

fn config_file_report(name: &str, contents: &str) -> String {
    let file = scratch("config").join(name);
    std::fs::write(&file, contents).unwrap();
    report(vec![("PYO3_CONFIG_FILE", file.into_os_string())])
}

#[test]
fn malformed_config_file() {
    let missing = scratch("config").join("does-not-exist.txt");
    assert_eq!(
        report(vec![("PYO3_CONFIG_FILE", missing.clone().into_os_string())]),
        format!(
            "failed to open PyO3 config file at {}\ncaused by: No such file or directory (os error 2)",
            missing.display()
        )
    );
    let dir = scratch("config");
    let invalid = |name: &str, what: &str| {
        format!(
            "invalid PyO3 config file {}: {what}",
            dir.join(name).display()
        )
    };
    for (name, contents, what) in [
        ("garbage.txt", "this is not a config\n", "line 1: `this is not a config`: expected `key=value`"),
        ("unknown-key.txt", "version=3.11\ncolour=blue\n", "line 2: `colour=blue`: unknown key"),
        (
            "bad-version.txt",
            "version=three\n",
            "line 1: `version=three`: invalid Python version `three` (expected `MAJOR.MINOR`, e.g. `3.11`)",
        ),
        ("no-version.txt", "abi3=true\n", "missing required key `version`"),
        ("bad-bool.txt", "version=3.11\nshared=maybe\n", "line 2: `shared=maybe`: expected `true` or `false`"),
        ("empty.txt", "", "missing required key `version`"),
    ] {
        assert_eq!(config_file_report(name, contents), invalid(name, what));
    }
}

#[test]
fn pyo3_python_is_not_python() {
    let dir = scratch("not-python");
    // Runs, but prints something that is not the interpreter's answer.
    let liar = dir.join("liar");
    std::fs::write(&liar, "#!/bin/sh\necho hello\n").unwrap();
    // Fails outright.
    let failing = dir.join("failing");
    std::fs::write(&failing, "#!/bin/sh\necho broken >&2\nexit 3\n").unwrap();
    // Not executable at all.
    let text = dir.join("text-file");
    std::fs::write(&text, "just text\n").unwrap();
    #[cfg(unix)]
    for script in [&liar, &failing] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let cannot_run = "(set PYO3_PYTHON to the path of a Python 3 interpreter)";
    for (path, expected) in [
        (
            liar,
            "failed to read the configuration of the Python interpreter at `{DIR}/liar`: the \
             Python interpreter did not report its version"
                .to_string(),
        ),
        (
            failing,
            "the Python interpreter at `{DIR}/failing` failed (exit status: 3):\nbroken"
                .to_string(),
        ),
        (
            text,
            format!(
                "failed to run the Python interpreter at `{{DIR}}/text-file`: Permission denied \
                 (os error 13) {cannot_run}"
            ),
        ),
        (
            dir.join("missing"),
            format!(
                "failed to run the Python interpreter at `{{DIR}}/missing`: No such file or \
                 directory (os error 2) {cannot_run}"
            ),
        ),
        (
            dir.clone(),
            format!(
                "failed to run the Python interpreter at `{{DIR}}`: Permission denied (os error \
                 13) {cannot_run}"
            ),
        ),
    ] {
        let got = report(vec![("PYO3_PYTHON", path.clone().into_os_string())]);
        assert_eq!(
            got,
            expected.replace("{DIR}", dir.to_str().unwrap()),
            "{}",
            path.display()
        );
    }
}

#[test]
fn abi3_feature_above_interpreter() {
    let python = real_python();
    let out = std::process::Command::new(&python)
        .args(["-c", "import sys; print('%d.%d' % sys.version_info[:2])"])
        .output()
        .unwrap();
    let version = String::from_utf8(out.stdout).unwrap().trim().to_string();
    // One minor version above the interpreter, as an abi3-pyXY feature.
    let minor: u32 = version.split('.').nth(1).unwrap().parse().unwrap();
    // The newest `abi3-pyXY` feature is abi3-py315: on 3.15 no feature can name a newer
    // minimum, so the case is checked with the interpreters before it (every host run).
    if minor >= 15 {
        return;
    }
    let feature = format!("CARGO_FEATURE_ABI3_PY3{}", minor + 1);
    let got = report(vec![
        ("PYO3_PYTHON", python.into_os_string()),
        ("CARGO_FEATURE_ABI3", "1".into()),
        (feature.as_str(), "1".into()),
    ]);
    let expected = format!(
        "cannot set a minimum Python version 3.{} higher than the interpreter version {version} \
         (the minimum Python version is implied by the abi3-py3{} feature)",
        minor + 1,
        minor + 1
    );
    assert_eq!(got, expected);
}

#[test]
fn cross_compiling_without_sysconfigdata() {
    let empty = scratch("cross-empty");
    let base = vec![
        ("HOST", "x86_64-unknown-linux-gnu".into()),
        ("TARGET", "aarch64-unknown-linux-gnu".into()),
        ("CARGO_CFG_TARGET_OS", "linux".into()),
    ];
    let mut with_empty = base.clone();
    with_empty.push(("PYO3_CROSS_LIB_DIR", empty.clone().into_os_string()));
    assert_eq!(
        report(with_empty),
        format!(
            "cross compiling for `aarch64-unknown-linux-gnu`: no _sysconfigdata*.py found under \
             PYO3_CROSS_LIB_DIR `{}`; point it at the target Python's lib directory, or set \
             PYO3_CROSS_PYTHON_VERSION (or enable an abi3-pyXY feature)",
            empty.display()
        )
    );
    let mut with_missing = base.clone();
    with_missing.push((
        "PYO3_CROSS_LIB_DIR",
        Path::new("/nonexistent/pyo3/lib").as_os_str().to_owned(),
    ));
    assert_eq!(
        report(with_missing),
        "PYO3_CROSS_LIB_DIR `/nonexistent/pyo3/lib` is not a directory"
    );
    assert_eq!(
        report(base),
        "cross compiling for `aarch64-unknown-linux-gnu` needs the target Python's version: set \
         PYO3_CROSS_LIB_DIR to a directory holding its _sysconfigdata*.py, or \
         PYO3_CROSS_PYTHON_VERSION (or enable an abi3-pyXY feature)"
    );
}

/// A newcomer without any Python on `PATH` (and no virtualenv, conda or `PYO3_PYTHON`) is told
/// the three ways to provide one.
#[test]
fn no_python_found() {
    let empty = scratch("no-python");
    assert_eq!(
        report(vec![("PATH", empty.clone().into_os_string())]),
        "no Python 3.x interpreter found: install Python 3 (with `python3` on PATH), activate \
         a virtualenv, or set PYO3_PYTHON to the interpreter's path"
    );
}
