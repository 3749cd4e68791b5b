#!/usr/bin/env bash
# The free-threaded builds (Py_GIL_DISABLED), which no package registry reachable here serves:
# a PYO3_CONFIG_FILE for CPython 3.14t and 3.15t makes pyo3-ffi, pyo3 (`full`: macros, classes,
# every optional conversion, the integration tests) and the example extension modules compile,
# and the ffi layout check runs in free-threaded mode against the default build's headers
# (which select the free-threaded structs on Py_GIL_DISABLED alone). A 3.13t configuration
# must be refused.
#
# Needs python3.14 and python3.15 (for their headers): run inside the sid root, e.g.
#   bash scripts/extra-pythons.sh bash scripts/check-free-threaded.sh
# Nothing is linked or run against a free-threaded libpython: what is proven is that the code
# compiles for it and that the declared structs match the headers' free-threaded layout.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
EXTRA="$REPO_ROOT/target/extra"
# The target dir of scripts/test-extra-pythons.sh, shared by every configuration (the
# proc-macro crates and the optional dependencies are compiled once): a configuration change
# reruns pyo3-build-config's build script (it declares PYO3_CONFIG_FILE with
# rerun-if-env-changed). Not the host's CARGO_TARGET_DIR: build scripts linked against sid's
# newer C library would not run on the host.
TARGET="${PYO3_EXTRA_TARGET_DIR:-$EXTRA/cargo}"
mkdir -p "$EXTRA" "$TARGET"
step() { printf '\n=== [free-threaded %4ss] %s\n' "$SECONDS" "$*"; }

# Writes the config file of a free-threaded CPython 3.<minor>t and prints its path.
config_file() { # minor
    local minor="$1" file="$EXTRA/free-threaded-3.$1t.cfg" exe
    exe="$(command -v "python3.$minor" || echo "/usr/bin/python3.$minor")"
    cat >"$file" <<EOF
implementation=CPython
version=3.$minor
shared=true
abi3=false
lib_name=python3.${minor}t
lib_dir=/usr/lib/x86_64-linux-gnu
executable=$exe
pointer_width=64
build_flags=Py_GIL_DISABLED
suppress_build_script_link_lines=false
EOF
    echo "$file"
}

for minor in 14 15; do
    cfg="$(config_file "$minor")"
    export PYO3_CONFIG_FILE="$cfg"
    step "3.${minor}t: pyo3-ffi and pyo3 (features full + auto-initialize: macros, classes, every optional conversion, the integration tests) compile"
    CARGO_TARGET_DIR="$TARGET" cargo check -p pyo3-ffi -p pyo3 --lib --tests --features pyo3/full,pyo3/auto-initialize
    step "3.${minor}t: the example extension modules compile"
    for dir in examples/*/; do
        [[ -f $dir/pyproject.toml ]] || continue
        (cd "$dir" && CARGO_TARGET_DIR="$TARGET" cargo check --lib --quiet)
    done
    if command -v "python3.$minor" >/dev/null; then
        step "3.${minor}t: ffi layout check in Py_GIL_DISABLED mode (headers of python3.$minor)"
        log="$EXTRA/ffi-layout-3.${minor}t.log"
        # No free-threaded libpython to link the test binary with: the layout test uses no
        # C-API symbol, so the configuration's link lines are left out.
        nolink="${cfg%.cfg}-nolink.cfg"
        sed 's/^suppress_build_script_link_lines=.*/suppress_build_script_link_lines=true/' "$cfg" >"$nolink"
        if ! PYO3_CONFIG_FILE="$nolink" CARGO_TARGET_DIR="$TARGET" \
            cargo test -p pyo3-ffi-check --test layout -- --nocapture >"$log" 2>&1; then
            grep -E 'MISMATCH|^error' "$log" || tail -n 40 "$log"
            exit 1
        fi
        grep -E '^layout: [0-9]' "$log"
        grep -q 'free-threaded' "$log" || { echo "the layout check did not run free-threaded" >&2; exit 1; }
    else
        echo "python3.$minor not found: free-threaded layout check skipped" >&2
    fi
done
unset PYO3_CONFIG_FILE

step "3.13t is refused"
cfg="$EXTRA/free-threaded-3.13t.cfg"
sed -e 's/3\.15/3.13/g' -e 's/python3\.15t/python3.13t/' "$(config_file 15)" >"$cfg"
if out="$(PYO3_CONFIG_FILE="$cfg" CARGO_TARGET_DIR="$TARGET" cargo check -p pyo3-ffi 2>&1)"; then
    echo "a free-threaded 3.13 configuration was accepted" >&2
    exit 1
fi
grep -q "free-threaded build of Python 3.13 is not supported" <<<"$out" || {
    echo "$out" >&2
    echo "3.13t failed for another reason than the version check" >&2
    exit 1
}
echo "3.13t refused: $(grep -o 'the free-threaded build of Python 3.13 is not supported[^;]*' <<<"$out" | head -1)"
