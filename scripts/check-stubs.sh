#!/usr/bin/env bash
# Type stubs (experimental-inspect + pyo3-introspection): builds every example that defines
# Python items with the macros, in both `#[pymodule]` forms, plus the declarative fixture
# (pytests/stubs-fixture, every item kind), with the feature; generates their stubs, compares
# them with the committed golden files, and runs `mypy --strict` (on the stubs, and on the
# pure-Python part of the mixed packages, which imports from them) and `mypy.stubtest` (the
# stubs against the built modules). Last, maturin builds the wheel of each maturin example,
# which must ship the committed stub files unchanged, with `py.typed`.
# `--bless` rewrites the golden files instead of comparing.
#
# Every build (cargo's and maturin's) uses the same pyo3 features and build environment in one
# target dir, so pyo3 is compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."
bless=${1:-}
PY=${PYTHON:-python3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
FEATURES=pyo3/experimental-inspect
# What maturin sets for its cargo call: the build scripts of pyo3 and pyo3-ffi rerun (and the
# crates are compiled again) when either differs between two builds.
PYO3_PYTHON=$("$PY" -c 'import sys; print(sys.executable)')
export PYO3_PYTHON PYO3_BUILD_EXTENSION_MODULE=1
if ! "$PY" -m mypy --version >/dev/null 2>&1; then
    # stubtest's `@disjoint_base` check (PEP 800) needs a recent mypy.
    "$PY" -m pip install --quiet --disable-pip-version-check 'mypy>=2.4,<3'
fi
"$PY" -c 'import maturin' 2>/dev/null ||
    "$PY" -m pip install --quiet --disable-pip-version-check 'maturin>=1.5,<2'
cargo build --quiet -p pyo3-introspection
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# All the modules side by side (their names differ), so that mypy and stubtest run once each:
# the importable tree (lib/) and the type checkers' tree (stubs/).
mkdir -p "$work/lib" "$work/stubs"
packages=() modules=()

# check DIR LIB MODULE GOLDEN [PACKAGE]
#   DIR: the crate; LIB: its `[lib] name` (the cdylib is lib<LIB>.so); MODULE: the Python name
#   of its `#[pymodule]`; GOLDEN: the committed stub, relative to DIR: `<MODULE>.pyi` for a
#   module without submodules, else a `<MODULE>/` directory (`__init__.pyi` per module);
#   PACKAGE: for a mixed project, the pure-Python package (DIR/python/<PACKAGE>) the extension
#   module is installed in, as `<PACKAGE>.<MODULE>`.
check() {
    local dir=$1 lib=$2 module=$3 golden=$1/$4 package=${5:-}
    local gen=$work/gen/$lib
    echo "--- $dir: $module"
    cargo build --quiet --manifest-path "$dir/Cargo.toml" --features "$FEATURES"
    "$CARGO_TARGET_DIR/debug/pyo3-introspection" "$CARGO_TARGET_DIR/debug/lib$lib.so" \
        "$module" "$gen"
    if [[ $golden == *.pyi ]]; then
        local files
        files=$(cd "$gen" && find . -type f)
        [[ $files == ./__init__.pyi ]] ||
            { echo "$module has submodules: its golden stub must be a directory" >&2; return 1; }
        [[ $bless == --bless ]] && cp "$gen/__init__.pyi" "$golden"
        diff -u "$golden" "$gen/__init__.pyi"
    else
        [[ $bless == --bless ]] && rm -rf "$golden" && cp -r "$gen" "$golden"
        diff -ru "$golden" "$gen"
    fi
    # The package's Python files, with the built module or the generated stubs where the golden
    # ones sit.
    local into=$work/lib stubs=$work/stubs qualified=$module
    if [[ -n $package ]]; then
        cp -r "$dir/python/$package" "$into/"
        cp -r "$dir/python/$package" "$stubs/"
        rm -rf "$stubs/$package/$(basename "$golden")"
        into=$into/$package
        stubs=$stubs/$package
        qualified=$package.$module
    fi
    cp "$CARGO_TARGET_DIR/debug/lib$lib.so" "$into/$module.so"
    if [[ $golden == *.pyi ]]; then
        cp "$gen/__init__.pyi" "$stubs/$module.pyi"
    else
        cp -r "$gen" "$stubs/$module"
    fi
    packages+=(-p "${package:-$module}")
    modules+=("$qualified")
}

check examples/getting-started getting_started getting_started getting_started.pyi
check examples/word-count word_count word_count word_count.pyi
check examples/getitem getitem getitem getitem.pyi
check examples/decorator decorator decorator decorator.pyi
check examples/maturin-starter starter_rust _rust python/starter/_rust starter
check examples/setuptools-rust-starter thermo_native _native python/thermo/_native.pyi thermo
check pytests/stubs-fixture stubs_fixture stubs_fixture stubs/stubs_fixture

echo "--- mypy --strict ${packages[*]}; stubtest ${modules[*]}"
(cd "$work" && MYPYPATH="$work/stubs" "$PY" -m mypy --strict --no-incremental "${packages[@]}")
# (stubtest checks the submodules of a stub package too.)
(cd "$work" && PYTHONPATH="$work/lib" MYPYPATH="$work/stubs" \
    "$PY" -m mypy.stubtest "${modules[@]}")

# wheel_ships DIR WHEEL_PATH=FILE...: maturin's wheel of DIR holds each FILE (relative to DIR)
# as WHEEL_PATH, byte for byte.
wheel_ships() {
    local dir=$1
    shift
    rm -rf "$work/wheel"
    # (The same features as above: pyo3 is not compiled again. maturin's log only on failure.)
    local log
    if ! log=$("$PY" -m maturin build --quiet --manifest-path "$dir/Cargo.toml" \
        --features "$FEATURES" --interpreter "$PY" --out "$work/wheel" 2>&1); then
        echo "$log" >&2
        return 1
    fi
    "$PY" - "$dir" "$work"/wheel/*.whl "$@" <<'PYEOF'
import pathlib, sys, zipfile
directory, wheel, *pairs = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    names = set(z.namelist())
    for pair in pairs:
        inside, local = pair.split("=")
        assert inside in names, f"{wheel} lacks {inside}: {sorted(names)}"
        expected = pathlib.Path(directory, local).read_bytes()
        assert z.read(inside) == expected, f"{inside} in {wheel} differs from {local}"
print(f"{pathlib.Path(wheel).name} ships {', '.join(p.split('=')[0] for p in pairs)}")
PYEOF
}

# For a project without Python sources maturin makes the package and writes an empty `py.typed`.
for example in getting_started word_count getitem decorator; do
    wheel_ships "examples/${example//_/-}" "$example/__init__.pyi=$example.pyi" \
        "$example/py.typed=/dev/null"
done
wheel_ships examples/maturin-starter \
    starter/_rust/__init__.pyi=python/starter/_rust/__init__.pyi \
    starter/_rust/stats/__init__.pyi=python/starter/_rust/stats/__init__.pyi \
    starter/_rust/text/__init__.pyi=python/starter/_rust/text/__init__.pyi \
    starter/py.typed=python/starter/py.typed
echo "stubs: golden files match; mypy --strict and stubtest clean; the wheels ship the stubs"
