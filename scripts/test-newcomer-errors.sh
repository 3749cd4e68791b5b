#!/usr/bin/env bash
# The mistakes a newcomer makes with an extension module, each triggered for real, and the
# message each one gives checked in full (the build-time ones are unit tests:
# pyo3-build-config/tests/bad_configuration.rs for "no Python found", tests/test_not_initialized.rs
# for a missing `auto-initialize`; scripts/test-version-limits.sh for Python too old/new):
#
# 1. a `#[pymodule]` whose name is not the library's name: maturin warns when building (the
#    warning names the fix), and Python's import fails with "does not define module export
#    function (PyInit_<file name>)";
# 2. a (non-abi3) module built for one CPython imported by another (here: built for an older
#    local CPython, copied to a plain `.so` name and imported by python3): our `PyInit_` refuses
#    with an ImportError that says how to rebuild. (The free-threaded variant of this check is
#    a unit test in src/impl_/pymodule_abi_guard.rs: no such interpreter here.)
# 3. (when the Debian sid root of scripts/extra-pythons.sh exists) a release-build module
#    imported by the debug build: built for python3.14, imported by python3.14d.
#
# Uses its own target dirs (the builds use other interpreters than the main one).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# The ImportError our `PyInit_` raises (src/impl_/pymodule_abi_guard.rs).
mismatch_message() { # built-for running-as
    printf '%s' "ImportError: this extension module was compiled for $1 but is being imported \
by $2: rebuild it with the interpreter that imports it (run \`maturin develop\` or \`pip \
install .\` with that interpreter's virtualenv active, or set PYO3_PYTHON to its path before \
\`cargo build\`), or build it for the stable ABI with an \`abi3-py3X\` feature"
}

# The text of the exception `import <module>` raises from directory $2, with interpreter $3.
import_error() { # module dir python
    "$3" - "$1" "$2" <<'EOF'
import importlib, sys
sys.path.insert(0, sys.argv[2])
try:
    importlib.import_module(sys.argv[1])
except ImportError as e:
    print(f"{type(e).__name__}: {e}")
else:
    print("imported")
EOF
}

# Case 3, run inside the sid root (which has only pythonX.Y, no venv).
if [[ ${1:-} == --debug-case ]]; then
    export CARGO_TARGET_DIR="$REPO_ROOT/target/newcomer-sid"
    (cd examples/getting-started && PYO3_PYTHON=python3.14 PYO3_BUILD_EXTENSION_MODULE=1 \
        cargo build --quiet)
    mkdir -p "$scratch/plain"
    cp "$CARGO_TARGET_DIR/debug/libgetting_started.so" "$scratch/plain/getting_started.so"
    got="$(import_error getting_started "$scratch/plain" python3.14d)"
    version="$(python3.14d -c 'import platform; print(platform.python_version())')"
    expected="$(mismatch_message "CPython 3.14" "CPython $version (debug build)")"
    [[ $got == "$expected" ]] || fail "got '$got', expected '$expected'"
    echo "python3.14d: $got"
    [[ "$(import_error getting_started "$scratch/plain" python3.14)" == imported ]] ||
        fail "the same file does not import with python3.14"
    echo "python3.14: imported"
    exit 0
fi

ensure_venv
export CARGO_TARGET_DIR="$REPO_ROOT/target/newcomer"

step "1. #[pymodule] name differs from the library name"
crate="$scratch/wrong-name"
mkdir -p "$crate/src"
cat >"$crate/Cargo.toml" <<EOF
[package]
name = "wrong-name"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
name = "wrong_name"
crate-type = ["cdylib"]

[dependencies]
pyo3 = { path = "$REPO_ROOT" }

[workspace]
EOF
printf '[build-system]\nrequires = ["maturin>=1.5,<2"]\nbuild-backend = "maturin"\n\n[project]\nname = "wrong-name"\nversion = "0.1.0"\n' \
    >"$crate/pyproject.toml"
cat >"$crate/src/lib.rs" <<'EOF'
use pyo3::prelude::*;

#[pymodule]
fn right_name(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
EOF
cp examples/getting-started/Cargo.lock "$crate/Cargo.lock"
build_log="$(cd "$crate" && maturin build --quiet --out "$scratch/wheels" 2>&1)" || {
    printf '%s\n' "$build_log" >&2
    fail "maturin build of the misnamed module"
}
# maturin's own check of the exported symbols; its wording may change between maturin
# releases, so the parts that carry the fix are checked.
grep -F 'PyInit_wrong_name' <<<"$build_log" | grep -qiF 'warning' ||
    { printf '%s\n' "$build_log" >&2; fail "maturin did not warn about the missing PyInit_wrong_name"; }
grep -qF 'right_name' <<<"$build_log" || grep -qF '#[pymodule]' <<<"$build_log" ||
    { printf '%s\n' "$build_log" >&2; fail "maturin's warning does not say what to change"; }
echo "maturin: $(grep -F 'PyInit_wrong_name' <<<"$build_log" | head -1)"
python -m zipfile -e "$scratch"/wheels/wrong_name-*.whl "$scratch/site"
got="$(import_error wrong_name "$scratch/site" python)"
expected="ImportError: dynamic module does not define module export function (PyInit_wrong_name)"
[[ $got == "$expected" ]] || fail "import of the misnamed module: got '$got', expected '$expected'"
echo "python: $got"

step "2. a module built for one CPython imported by another"
mapfile -t PYTHONS < <(all_pythons)
run_minor="$(python -c 'import sys; print(sys.version_info[1])')"
# An older CPython than python3's: a module built for a newer one usually fails earlier, in
# dlopen (a C API symbol the older libpython lacks), before any of its code runs.
build_python=""
for py in "${PYTHONS[@]}"; do
    minor="$("$py" -c 'import sys; print(sys.version_info[1])')"
    ((minor < run_minor)) && [[ -z $build_python ]] && build_python="$py"
done
[[ -n $build_python ]] || fail "needs a CPython older than python3.$run_minor"
build_minor="$("$build_python" -c 'import sys; print(sys.version_info[1])')"
(cd examples/getting-started && PYO3_PYTHON="$build_python" PYO3_BUILD_EXTENSION_MODULE=1 \
    cargo build --quiet)
mkdir -p "$scratch/plain"
cp "$CARGO_TARGET_DIR/debug/libgetting_started.so" "$scratch/plain/getting_started.so"
got="$(import_error getting_started "$scratch/plain" python)"
run_version="$(python -c 'import platform; print(platform.python_version())')"
expected="$(mismatch_message "CPython 3.$build_minor" "CPython $run_version")"
[[ $got == "$expected" ]] || fail "got '$got', expected '$expected'"
echo "python3.$run_minor: $got"
[[ "$(import_error getting_started "$scratch/plain" "$build_python")" == imported ]] ||
    fail "the same file does not import with the interpreter it was built for"
echo "python3.$build_minor: imported"
cases=2
if [[ -z ${PYO3_SKIP_EXTRA_PYTHONS:-} && -e ${PYO3_EXTRA_PYTHONS_DIR:-/var/cache/pyo3-extra-pythons}/sid/.pyo3-extra-pythons-ready ]]; then
    step "3. a release-build module imported by the debug build (in the sid root)"
    bash scripts/extra-pythons.sh bash scripts/test-newcomer-errors.sh --debug-case
    cases=3
else
    echo "case 3 (release module in a debug CPython) skipped: no sid root (scripts/extra-pythons.sh)"
fi
echo "newcomer errors: $cases cases, each with its message"
