#!/usr/bin/env bash
# Type stubs (experimental-inspect + pyo3-introspection): builds the function-form example
# (examples/getting-started) and the declarative fixture (pytests/stubs-fixture) with the
# feature, generates their stubs, compares them with the committed golden files, and runs
# `mypy --strict` and `mypy.stubtest` (the stubs against the built modules) on them.
# `--bless` rewrites the golden files instead of comparing.
set -euo pipefail
cd "$(dirname "$0")/.."
bless=${1:-}
PY=${PYTHON:-python3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
if ! "$PY" -m mypy --version >/dev/null 2>&1; then
    "$PY" -m pip install --quiet --disable-pip-version-check mypy
fi
cargo build --quiet -p pyo3-introspection
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check() { # manifest module golden(file or dir) [extra cargo args...]
    local manifest=$1 module=$2 golden=$3
    shift 3
    cargo build --quiet --manifest-path "$manifest" "$@"
    mkdir -p "$work/lib" "$work/stubs"
    cp "$CARGO_TARGET_DIR/debug/lib$module.so" "$work/lib/$module.so"
    "$CARGO_TARGET_DIR/debug/pyo3-introspection" "$work/lib/$module.so" "$module" "$work/stubs/$module"
    if [[ $golden == *.pyi ]]; then
        # A module without submodules ships as `<module>.pyi` (what maturin picks up).
        [[ $bless == --bless ]] && cp "$work/stubs/$module/__init__.pyi" "$golden"
        diff -u "$golden" "$work/stubs/$module/__init__.pyi"
    else
        [[ $bless == --bless ]] && rm -rf "$golden" && cp -r "$work/stubs/$module" "$golden"
        diff -ru "$golden" "$work/stubs/$module"
    fi
    (cd "$work" && MYPYPATH="$work/stubs" "$PY" -m mypy --strict --no-incremental -p "$module")
    (cd "$work" && PYTHONPATH="$work/lib" MYPYPATH="$work/stubs" "$PY" -m mypy.stubtest "$module")
}

check examples/getting-started/Cargo.toml getting_started \
    examples/getting-started/getting_started.pyi --features pyo3/experimental-inspect
check pytests/stubs-fixture/Cargo.toml stubs_fixture pytests/stubs-fixture/stubs/stubs_fixture
echo "stubs: golden files match; mypy --strict and stubtest clean"
