#!/usr/bin/env bash
# Type stubs (experimental-inspect + pyo3-introspection): builds the function-form example
# (examples/getting-started) and the declarative fixture (pytests/stubs-fixture) with the
# feature, generates their stubs, compares them with the committed golden files, and runs
# `mypy --strict` and `mypy.stubtest` (the stubs against the built modules) on them.
# Last, maturin builds the getting-started wheel, which must ship the stub and `py.typed`.
# `--bless` rewrites the golden files instead of comparing.
set -euo pipefail
cd "$(dirname "$0")/.."
bless=${1:-}
PY=${PYTHON:-python3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
if ! "$PY" -m mypy --version >/dev/null 2>&1; then
    # stubtest's `@disjoint_base` check (PEP 800) needs a recent mypy.
    "$PY" -m pip install --quiet --disable-pip-version-check 'mypy>=2.4,<3'
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

# maturin ships `<module>.pyi` next to Cargo.toml in the wheel, with the `py.typed` marker.
"$PY" -c 'import maturin' 2>/dev/null ||
    "$PY" -m pip install --quiet --disable-pip-version-check 'maturin>=1.5,<2'
"$PY" -m maturin build --quiet --manifest-path examples/getting-started/Cargo.toml \
    --interpreter "$PY" --out "$work/wheel" >/dev/null
"$PY" - "$work"/wheel/*.whl <<'PYEOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
missing = {"getting_started/__init__.pyi", "getting_started/py.typed"} - names
assert not missing, f"wheel lacks {sorted(missing)}: {sorted(names)}"
print("wheel ships getting_started/__init__.pyi and py.typed")
PYEOF
echo "stubs: golden files match; mypy --strict and stubtest clean; the wheel ships the stub"
