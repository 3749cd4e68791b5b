#!/usr/bin/env bash
# The test stage for the interpreters the host lacks, run on the host by scripts/test-all.sh:
# creates (or reuses) the Debian sid root of scripts/extra-pythons.sh and runs this same script
# inside it with --inside, where it tests
#   * CPython 3.14 and 3.15: the pyo3, pyo3-ffi and pyo3-build-config unit and integration
#     tests (embedding), the ffi layout/symbol/signature/constant checks, and the example
#     extension modules built with maturin and their pytest suites;
#   * CPython 3.14 debug (python3.14d): the ffi checks and the refcount-exact tests
#     (tests/test_refcount_exact.rs with `full`, sys.gettotalrefcount before/after);
#   * PyPy 3.11: the ffi checks (against PyPy's headers and libpypy3.11-c) and the example
#     extension modules with their suites (PyO3 does not embed PyPy);
#   * the abi3-py39 wheels built on the host by scripts/test-examples-abi3.sh (if present),
#     imported and tested on 3.14 and 3.15;
#   * the free-threaded configurations (3.14t, 3.15t; no such interpreter is packaged): pyo3-ffi,
#     pyo3 with `full` and the examples compile from a PYO3_CONFIG_FILE, the ffi layout check
#     runs with Py_GIL_DISABLED, and 3.13t is refused (scripts/check-free-threaded.sh).
#
# Usage: scripts/test-extra-pythons.sh [--inside] [STAGE ...]
#   stages: cpython-3.14 cpython-3.15 debug pypy abi3-wheels free-threaded (default: all)
# One CARGO_TARGET_DIR (target/extra/cargo) serves every interpreter and configuration: what does
# not depend on the interpreter (syn, quote, serde, the optional conversions' crates, ...) is
# compiled once instead of once per interpreter, while pyo3-build-config's build script reruns
# whenever the interpreter changes (it declares every variable it reads with
# rerun-if-env-changed), rebuilding pyo3-ffi and pyo3 as separate directories did.
#
# Time, measured 2026-12-07 cold (new worktree, no target/extra, no venvs) on the shared 2-core
# machine while up to 7 other engineers built (load average 11-25), so inflated: 2380 s wall
# (user 7m18s, sys 1m28s) for all stages: cpython-3.14 1299 s (862 s of it the tests' first
# build, which compiles the shared dependencies), pypy 358 s, cpython-3.15 328 s, debug 129 s,
# abi3-wheels 20 s, free-threaded 246 s. Creating the sid root on a machine that has none
# (scripts/extra-pythons.sh, debootstrap + apt) took another ~450 s. A warm rerun after a merge
# of main (every stage recompiles pyo3 for its interpreter) took 1037 s. The stage prints these
# per-stage times at the end of its log.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

if [[ ${1:-} != --inside ]]; then
    # The host side: the sid root is created on first use (cached outside the repo).
    exec bash "$REPO_ROOT/scripts/extra-pythons.sh" bash "$REPO_ROOT/scripts/test-extra-pythons.sh" --inside "$@"
fi
shift

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# The host's job count would oversubscribe the shared cores in the chroot too.
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-2}"
# Five interpreters' worth of test builds: line tables keep panics' backtraces readable at a
# fraction of full debuginfo's compile and link time.
export CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-line-tables-only}"
export CARGO_PROFILE_TEST_DEBUG="${CARGO_PROFILE_TEST_DEBUG:-line-tables-only}"
EXTRA="$REPO_ROOT/target/extra"
# Shared by every cargo and maturin invocation of this stage (see above).
export CARGO_TARGET_DIR="$EXTRA/cargo" PYO3_EXTRA_TARGET_DIR="$EXTRA/cargo"
mkdir -p "$EXTRA" "$CARGO_TARGET_DIR"
STAGES=("$@")
# Most important first: when CI's time budget runs out, the later stages are the ones skipped.
[[ ${#STAGES[@]} -gt 0 ]] || STAGES=(cpython-3.14 pypy cpython-3.15 debug abi3-wheels free-threaded)

step() { printf '\n=== [extra %4ss] %s\n' "$SECONDS" "$*"; }

# A virtualenv for one interpreter with maturin and pytest, made once and reused.
venv_for() { # python -> prints the venv dir
    local py="$1" dir="$EXTRA/venv-$1"
    if [[ ! -x "$dir/bin/python" ]]; then
        "$py" -m venv "$dir" >&2
    fi
    if ! "$dir/bin/python" -c 'import maturin, pytest' >/dev/null 2>&1; then
        "$dir/bin/python" -m pip install --quiet --disable-pip-version-check 'maturin>=1.5,<2' pytest >&2
    fi
    echo "$dir"
}

# The example extension modules that have a pytest suite.
examples() {
    local d
    for d in examples/*/; do
        [[ -f $d/pyproject.toml && -d $d/tests ]] && basename "$d"
    done
}

# Builds every example into the interpreter's virtualenv with maturin and runs its suite.
test_examples() { # python
    local py="$1" venv example
    venv="$(venv_for "$py")"
    for example in $(examples); do
        if grep -qE '^build-backend *= *"maturin"' "examples/$example/pyproject.toml"; then
            step "examples/$example: maturin develop + pytest on $py"
            (cd "examples/$example" &&
                VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" maturin develop --quiet &&
                "$venv/bin/python" -m pytest -q -p no:cacheprovider tests)
        else
            # Other build backends (setuptools-rust) are driven through pip, as users do.
            step "examples/$example: pip install . + pytest on $py"
            (cd "examples/$example" &&
                "$venv/bin/python" -m pip install --quiet --disable-pip-version-check . &&
                "$venv/bin/python" -m pytest -q -p no:cacheprovider tests)
        fi
    done
}

# The ffi checks (layout, symbols, signatures, constants) with their counts in the log.
ffi_checks() { # python [extra cargo args]
    local py="$1"
    shift
    step "pyo3-ffi checks against $py $*"
    local log="$EXTRA/ffi-check-$py.log"
    if ! PYO3_PYTHON="$py" cargo test -p pyo3-ffi-check --no-fail-fast "$@" -- --nocapture >"$log" 2>&1; then
        grep -E 'MISMATCH|MISSING|^error' "$log" || tail -n 40 "$log"
        return 1
    fi
    grep -E '^(layout|symbols|constants|signatures): [0-9]' "$log"
    # A check that measured nothing would pass vacuously.
    if grep -qE '^(layout: 0 structs|symbols: 0 checked|constants: 0 checked|signatures: 0 checked)' "$log"; then
        echo "an ffi check measured nothing" >&2
        return 1
    fi
}

cpython_stage() { # python
    local py="$1"
    step "pyo3, pyo3-ffi and pyo3-build-config unit + integration tests against $py"
    # The build-config tests compare against a real `python3`; the root has only pythonX.Y.
    local bin="$EXTRA/bin-$py"
    mkdir -p "$bin"
    ln -sf "$(command -v "$py")" "$bin/python3"
    PATH="$bin:$PATH" PYO3_PYTHON="$py" cargo test -p pyo3 -p pyo3-ffi -p pyo3-build-config --lib --tests \
        --features pyo3/auto-initialize -- --skip test_compile_errors
    ffi_checks "$py"
    test_examples "$py"
}

debug_stage() {
    ffi_checks python3.14d
    step "refcount-exact tests on the debug build (python3.14d)"
    PYO3_PYTHON=python3.14d cargo test -p pyo3 --features auto-initialize,full --test test_refcount_exact -- --nocapture
}

abi3_wheels_stage() {
    local wheels="$REPO_ROOT/target/examples/abi3-wheels" py venv example
    if [[ ! -d $wheels ]]; then
        echo "no abi3 wheels under $wheels (scripts/test-examples-abi3.sh builds them on the host); skipped"
        return 0
    fi
    for py in python3.14 python3.15; do
        venv="$(venv_for "$py")"
        for example in "$wheels"/*/; do
            example="$(basename "$example")"
            [[ -d examples/$example/tests ]] || continue
            step "examples/$example: host-built abi3-py39 wheel on $py"
            "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
                --force-reinstall --no-deps "$wheels/$example"/*.whl
            (cd "examples/$example" && EXPECT_ABI3=1 "$venv/bin/python" -m pytest -q -p no:cacheprovider tests)
        done
    done
}

free_threaded_stage() {
    bash "$REPO_ROOT/scripts/check-free-threaded.sh"
}

done_stages=()
stage_times=()
for stage in "${STAGES[@]}"; do
    # CI's time budget (scripts/lib.sh exports the deadline): a stage that would start after it
    # is skipped, and the log says so.
    # Each stage's need is a rough idle-machine estimate (the loaded timings in the header,
    # about halved): a stage that would not finish before the deadline is not started.
    case "$stage" in
        cpython-3.14) needs=600 ;; # the first build of the shared dependencies
        cpython-3.15 | pypy | free-threaded) needs=240 ;;
        debug) needs=120 ;;
        *) needs=30 ;;
    esac
    if [[ ${CI_BUDGET_SECONDS:-0} != 0 && -n ${CI_DEADLINE:-} ]] &&
        (($(date +%s) + needs > CI_DEADLINE)); then
        printf '\n=== SKIPPED, time budget of %ss would be spent (%ss left, needs about %ss): extra interpreters stage %s\n' \
            "$CI_BUDGET_SECONDS" "$((CI_DEADLINE - $(date +%s)))" "$needs" "$stage"
        continue
    fi
    done_stages+=("$stage")
    stage_start=$SECONDS
    case "$stage" in
        cpython-3.14) cpython_stage python3.14 ;;
        cpython-3.15) cpython_stage python3.15 ;;
        debug) debug_stage ;;
        pypy)
            # Two statements, so that set -e stops on a failed ffi check (an && list would not).
            ffi_checks pypy3
            test_examples pypy3
            ;;
        abi3-wheels) abi3_wheels_stage ;;
        free-threaded) free_threaded_stage ;;
        *) echo "unknown stage $stage" >&2; exit 2 ;;
    esac
    stage_times+=("$stage $((SECONDS - stage_start))s")
done
step "extra interpreters done: ${done_stages[*]:-none} (of ${STAGES[*]})"
printf '  %s\n' "${stage_times[@]}"
