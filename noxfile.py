"""nox sessions for developers who use nox; each one wraps the plain scripts CI runs.

    nox -s test        # the whole suite (scripts/test-all.sh)
    nox -s example     # build examples/getting-started with maturin and call it
    nox -s ffi_check   # layout and symbol checks against every Python found
    nox -s downstream  # rebuild published PyO3 projects against this workspace (slow, not in test)
"""

import nox

nox.options.sessions = ["test"]


@nox.session(venv_backend="none")
def test(session: nox.Session) -> None:
    session.run("bash", "scripts/test-all.sh", external=True)


@nox.session(venv_backend="none")
def example(session: nox.Session) -> None:
    session.run("bash", "scripts/run-example.sh", external=True)


@nox.session(venv_backend="none")
def fmt(session: nox.Session) -> None:
    session.run("cargo", "fmt", "--all", "--", "--check", external=True)


@nox.session(venv_backend="none")
def clippy(session: nox.Session) -> None:
    session.run("cargo", "clippy", "--workspace", "--all-targets", "--", "-D", "warnings", external=True)


@nox.session(venv_backend="none")
def ffi_check(session: nox.Session) -> None:
    session.run("bash", "pyo3-ffi/check/run-all-pythons.sh", *session.posargs, external=True)


@nox.session(venv_backend="none")
def bench(session: nox.Session) -> None:
    """Call-overhead benchmark: C vs PyO3 0.30.1 vs ours (bench/call-overhead/run.sh).

    Extra arguments go to run.py, e.g. `nox -s bench -- --quick` or `-- --json out.json`.
    """
    session.run("bash", "bench/call-overhead/run.sh", *session.posargs, external=True)


@nox.session(venv_backend="none")
def downstream(session: nox.Session) -> None:
    """Published projects that use PyO3 0.30, rebuilt against this checkout (scripts/downstream.sh).

    Extra arguments go to the script, e.g. `nox -s downstream -- --only numpy,nh3`.
    """
    session.run("bash", "scripts/downstream.sh", *session.posargs, external=True)
