"""nox sessions for developers who use nox; each one is a thin wrapper over a script in
scripts/ (or another folder) that CI runs too, so `nox` and CI never disagree.

    nox -l                        # the sessions
    nox -s test                   # the whole suite (scripts/test-all.sh), what CI runs
    nox -s test-rust -- full      # cargo test -p pyo3 for one feature set (default: all sets)

Every session runs with the machine's own tools (venv_backend="none"): cargo, and the
interpreters found by scripts/lib.sh. Extra arguments after `--` go to the script.
"""

import os

import nox

nox.options.sessions = ["test"]


def _script(session: nox.Session, path: str) -> None:
    session.run("bash", path, *session.posargs, external=True)


@nox.session(venv_backend="none")
def test(session: nox.Session) -> None:
    """The whole test suite, exactly as CI runs it (scripts/test-all.sh)."""
    _script(session, "scripts/test-all.sh")


@nox.session(name="test-rust", venv_backend="none")
def test_rust(session: nox.Session) -> None:
    """cargo test -p pyo3 per feature set: no-default, default, abi3, full, abi3-full."""
    _script(session, "scripts/test-rust.sh")


@nox.session(name="test-py", venv_backend="none")
def test_py(session: nox.Session) -> None:
    """Every maturin example's pytest suite on every local CPython (scripts/test-py.sh)."""
    _script(session, "scripts/test-py.sh")


@nox.session(venv_backend="none")
def example(session: nox.Session) -> None:
    """The main job: build examples/getting-started with maturin and use it from Python."""
    _script(session, "scripts/run-example.sh")


@nox.session(venv_backend="none")
def clippy(session: nox.Session) -> None:
    """cargo clippy -D warnings over the same feature sets as test-rust."""
    _script(session, "scripts/clippy.sh")


@nox.session(venv_backend="none")
def rustfmt(session: nox.Session) -> None:
    """cargo fmt --check over the workspace and the example crates."""
    _script(session, "scripts/rustfmt.sh")


@nox.session(venv_backend="none")
def docs(session: nox.Session) -> None:
    """cargo doc with -D warnings (broken intra-doc links fail) for the published crates."""
    _script(session, "scripts/docs.sh")


@nox.session(name="build-guide", venv_backend="none")
def build_guide(session: nox.Session) -> None:
    """mdbook build of guide/ (mdbook installed once) and a check of its internal links."""
    _script(session, "scripts/build-guide.sh")


@nox.session(name="check-guide", venv_backend="none")
def check_guide(session: nox.Session) -> None:
    """The guide's Rust code blocks, compiled and run as doctests (guide_doctests in src/lib.rs)."""
    session.run(
        "cargo", "test", "-p", "pyo3", "--doc", "--features", "auto-initialize",
        "--", "guide_doctests", *session.posargs, external=True,
    )


@nox.session(name="ffi-check", venv_backend="none")
def ffi_check(session: nox.Session) -> None:
    """Layout, symbol, constant and signature checks of pyo3-ffi against every local Python."""
    _script(session, "pyo3-ffi/check/run-all-pythons.sh")


@nox.session(venv_backend="none")
def bench(session: nox.Session) -> None:
    """Every benchmark table: Python -> Rust calls, C vs PyO3 0.30.1 vs ours vs Cython
    (bench/call-overhead/run.sh) and the calling-convention table (convention.py), then
    Rust -> Python calls, PyO3 0.30.1 vs ours
    (bench/rust-to-python/run.py), then binary size, macro expansion and build times of the
    call-overhead module, ours vs PyO3 0.30.1 (bench/call-overhead/size.sh).

    Extra arguments go to call-overhead's run.py, e.g. `nox -s bench -- --quick` or
    `-- --json out.json`; `--quick` also shortens the Rust -> Python run and skips size.sh's
    cold builds. `PYTHON` picks the interpreter of both timing runs.
    """
    _script(session, "bench/call-overhead/run.sh")
    quick = ["--quick"] if "--quick" in session.posargs else []
    # What the calling convention alone costs a one-argument method (C METH_O vs C fastcall
    # vs ours), with the venv and C module run.sh just built.
    out = os.environ.get("BENCH_OUT", "bench/call-overhead/target")
    session.run(
        f"{out}/venv/bin/python", "bench/call-overhead/convention.py", "--ext-dir", f"{out}/ext",
        *(["--rounds", "10"] if quick else []), external=True,
    )
    session.run("python3", "bench/rust-to-python/run.py", *quick, external=True)
    session.run(
        "bash", "bench/call-overhead/size.sh", *(["--no-cold"] if quick else []), external=True
    )


@nox.session(venv_backend="none")
def downstream(session: nox.Session) -> None:
    """Published projects that use PyO3 0.30, rebuilt against this checkout (scripts/downstream.sh).

    Extra arguments go to the script, e.g. `nox -s downstream -- --only numpy,nh3`.
    """
    _script(session, "scripts/downstream.sh")


@nox.session(name="check-feature-powerset", venv_backend="none")
def check_feature_powerset(session: nox.Session) -> None:
    """Every Cargo feature of pyo3 builds on its own, then full and abi3+full (scripts/check-features.sh)."""
    _script(session, "scripts/check-features.sh")


@nox.session(name="test-version-limits", venv_backend="none")
def test_version_limits(session: nox.Session) -> None:
    """Python 3.8 and 3.16 are refused by the build with PyO3's messages."""
    _script(session, "scripts/test-version-limits.sh")


@nox.session(name="bench-pytests", venv_backend="none")
def bench_pytests(session: nox.Session) -> None:
    """pytests/pyo3-pytests's Rust-vs-pure-Python benchmarks, timed (pytest-benchmark).

    Builds the module with maturin into the active virtualenv first; extra arguments go to
    pytest, e.g. `nox -s bench-pytests -- -k primes`.
    """
    session.chdir("pytests/pyo3-pytests")
    session.run("maturin", "develop", "--release", "--quiet", external=True)
    session.run(
        "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_benchmarks.py",
        "--benchmark-only", *session.posargs, external=True,
    )


@nox.session(name="newcomer-errors", venv_backend="none")
def newcomer_errors(session: nox.Session) -> None:
    """A misnamed #[pymodule] and a module imported by another CPython: messages checked."""
    _script(session, "scripts/test-newcomer-errors.sh")


@nox.session(name="address-sanitizer", venv_backend="none")
def address_sanitizer(session: nox.Session) -> None:
    """ASan + LeakSanitizer over all of pyo3's tests and every Python-driven suite (scripts/asan.sh).

    `nox -s address-sanitizer -- --ci` runs only the subset CI runs.
    """
    _script(session, "scripts/asan.sh")


@nox.session(venv_backend="none")
def fuzz(session: nox.Session) -> None:
    """cargo-fuzz targets in fuzz/, 300 s each (scripts/fuzz.sh; `-- 60` for another duration)."""
    session.run("bash", "scripts/fuzz.sh", *(session.posargs or ["300"]), external=True)
