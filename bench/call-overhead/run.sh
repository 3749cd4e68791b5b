#!/usr/bin/env bash
# Build every implementation that builds, then run the call-overhead benchmark.
#
#   bench/call-overhead/run.sh [run.py options...]     e.g. --quick, --json out.json
#
# Environment:
#   BENCH_OUT   where builds, logs and the venv go (default: bench/call-overhead/target)
#   BENCH_VENV  virtualenv with maturin (default: $BENCH_OUT/venv, created on first use)
#   PYTHON      interpreter for a new venv (default: python3); all three modules are built
#               for and run on the venv's interpreter
#   BENCH_SKIP  space-separated subset of "c pyo3 ours cython" not to build (and not to run)
#   BENCH_REQUIRE  space-separated subset of "c pyo3 ours cython" whose build failure is an error
#               (exit 1) instead of a skip; scripts/test-all.sh requires "c ours"
# A build that fails (ours fails until the macros exist) is reported and skipped; its module
# is removed from the venv so that a stale build is never measured.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${BENCH_OUT:-$HERE/target}"
VENV="${BENCH_VENV:-$OUT/venv}"
SKIP=" ${BENCH_SKIP:-} "
REQUIRE=" ${BENCH_REQUIRE:-} "
FAILED=""
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
mkdir -p "$OUT"

step() { printf '\n=== %s\n' "$*"; }

if [[ ! -x "$VENV/bin/python" ]]; then
    step "creating $VENV"
    "${PYTHON:-python3}" -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import maturin' >/dev/null 2>&1; then
    "$VENV/bin/python" -m pip install --quiet 'maturin>=1.5,<2'
fi
# Cython from PyPI, only when its column is wanted (CI's --quick run skips it)
if [[ "$SKIP" != *" cython "* ]] && ! "$VENV/bin/python" -c 'import Cython' >/dev/null 2>&1; then
    "$VENV/bin/python" -m pip install --quiet 'Cython>=3.0,<4' || true
fi
PY="$VENV/bin/python"
EXT_DIR="$OUT/ext"
rm -rf "$EXT_DIR"

step "C extension (c-ext/bench_c.c)"
if [[ "$SKIP" == *" c "* ]]; then
    echo "skipped (BENCH_SKIP)"
elif "$PY" "$HERE/c-ext/build.py" "$EXT_DIR" >"$OUT/build-c.log" 2>&1; then
    echo "built $(tail -n 1 "$OUT/build-c.log")"
else
    echo "SKIP C: build failed, see $OUT/build-c.log"
    FAILED+=" c"
    tail -n 20 "$OUT/build-c.log"
fi

step "Cython extension (cython-ext/bench_cython.pyx)"
if [[ "$SKIP" == *" cython "* ]]; then
    echo "skipped (BENCH_SKIP)"
elif "$PY" "$HERE/cython-ext/build.py" "$EXT_DIR" >"$OUT/build-cython.log" 2>&1; then
    echo "built $(tail -n 1 "$OUT/build-cython.log") with Cython $("$PY" -m cython --version 2>&1 | awk '{print $NF}')"
else
    echo "SKIP Cython: build failed, see $OUT/build-cython.log"
    FAILED+=" cython"
    tail -n 20 "$OUT/build-cython.log"
fi

# build_rust KEY DIR MODULE: maturin wheel, installed into the venv
build_rust() {
    local key="$1" dir="$2" module="$3" log="$OUT/build-$1.log" wheels="$OUT/wheels-$1"
    step "$module ($dir)"
    "$PY" -m pip uninstall --quiet --yes "$module" >/dev/null 2>&1 || true
    if [[ "$SKIP" == *" $key "* ]]; then
        echo "skipped (BENCH_SKIP)"
        return
    fi
    rm -rf "$wheels"
    if (cd "$HERE/$dir" &&
        CARGO_TARGET_DIR="$OUT/cargo-$key" "$VENV/bin/maturin" build --release \
            --interpreter "$PY" --out "$wheels") >"$log" 2>&1 &&
        "$PY" -m pip install --quiet --force-reinstall --no-deps "$wheels"/*.whl >>"$log" 2>&1; then
        echo "built and installed $(basename "$wheels"/*.whl)"
    else
        echo "SKIP $module: build failed, see $log; last lines:"
        FAILED+=" $key"
        grep -E '^error' "$log" | head -n 5 || true
        tail -n 5 "$log"
    fi
}
build_rust pyo3 pyo3-upstream bench_pyo3
build_rust ours ours bench_ours

for key in $FAILED; do
    if [[ "$REQUIRE" == *" $key "* ]]; then
        echo "error: the required build '$key' failed (BENCH_REQUIRE)" >&2
        exit 1
    fi
done

step "run.py $*"
cd "$OUT"
exec "$PY" "$HERE/run.py" --ext-dir "$EXT_DIR" "$@"
