#!/usr/bin/env bash
# The whole test suite: formatting, lints, the workspace tests, the per-Python checks and the
# Python tests of the example modules. CI runs exactly this (see .ci/run).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

mapfile -t PYTHONS < <(all_pythons)
echo "Pythons found: ${PYTHONS[*]}"
[[ ${#PYTHONS[@]} -gt 0 ]] || { echo "no CPython 3.9+ found" >&2; exit 1; }

# The sid root of the extra interpreters (debootstrap + apt: about 7 minutes on a fresh machine,
# mostly downloading and unpacking) is made in the background while the host stages compile.
# The extras stage below calls the same script, which waits on the root's lock and finds it
# ready, or makes it itself if this attempt failed (its log is printed then).
EXTRA_ROOT_LOG="$REPO_ROOT/target/extra-pythons-root.log"
EXTRA_ROOT_PID=""
if [[ -z ${PYO3_SKIP_EXTRA_PYTHONS:-} ]]; then
    mkdir -p "$REPO_ROOT/target"
    bash scripts/extra-pythons.sh --ensure </dev/null >"$EXTRA_ROOT_LOG" 2>&1 &
    EXTRA_ROOT_PID=$!
fi

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --features pyo3/auto-initialize -- -D warnings
cargo clippy --workspace --all-targets --features pyo3/abi3-py39,pyo3/auto-initialize -- -D warnings

step "cargo test --workspace (default python3, incl. doctests and the trybuild ui tests)"
cargo test --workspace --features pyo3/auto-initialize

step "multiple-pymethods feature (several #[pymethods] blocks per class, via inventory)"
cargo clippy -p pyo3 --tests --features pyo3/auto-initialize,pyo3/multiple-pymethods -- -D warnings
cargo test -p pyo3 --features pyo3/auto-initialize,pyo3/multiple-pymethods \
    --test test_multiple_pymethods --test test_class_complex_enum --test test_class_options

# Tests gated on the interpreter not being auto-initialized (test_not_initialized, and the
# other branch of test_initialize_concurrent); fails if a binary runs no test. (`py-clone`'s
# test runs in the `full` step below.)
step "tests that need auto-initialize off"
expect_tests cargo test -p pyo3 --test test_not_initialized --test test_initialize_concurrent

# The optional features (conversions of chrono, num-bigint, serde, ... and the lock_api
# extensions): one run with `full`, which enables all of them (the ui tests are skipped: more
# impls change the candidate lists in rustc's messages), plus `nightly`, which `full` leaves
# out because it needs a nightly toolchain. Clippy with them too.
step "pyo3 with --features full (optional conversions: unit, integration and doc tests)"
cargo clippy -p pyo3 --all-targets --features full,auto-initialize -- -D warnings
cargo test -p pyo3 --features full,auto-initialize -- --skip test_compile_errors
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    step "pyo3 with --features nightly (nightly toolchain)"
    cargo +nightly test -p pyo3 --features nightly,auto-initialize --test test_nightly
fi

# Doctests and the compile-error (trybuild) tests do not depend on the Python version; the
# unit and integration tests do, so those run against every interpreter.
for py in "${PYTHONS[@]}"; do
    step "pyo3, pyo3-ffi and pyo3-build-config unit + integration tests against $py"
    PYO3_PYTHON="$py" cargo test -p pyo3 -p pyo3-ffi -p pyo3-build-config --lib --tests \
        --features pyo3/auto-initialize -- --skip test_compile_errors
done

# The stable-ABI build of the library, run on the oldest and the newest interpreter.
for py in "${PYTHONS[0]}" "${PYTHONS[-1]}"; do
    step "abi3-py39 build: unit + integration tests against $py"
    PYO3_PYTHON="$py" cargo test -p pyo3 -p pyo3-ffi --lib --tests \
        --features pyo3/abi3-py39,pyo3/auto-initialize
done

# `experimental-async`: lints, the coroutine tests with their ui tests and the guide chapter's
# doctests, then the runtime tests on the oldest interpreter, and as abi3 on the newest.
step "experimental-async: clippy, coroutine tests, async ui tests and guide doctests"
cargo clippy --workspace --all-targets --features pyo3/experimental-async,pyo3/auto-initialize -- -D warnings
cargo test -p pyo3 --features experimental-async,auto-initialize \
    --lib --test test_coroutine --test test_coroutine_methods --test test_compile_error
# (cargo runs doctests only on their own: the async guide chapter and the coroutine docs.)
cargo test -p pyo3 --features experimental-async,auto-initialize --doc -- \
    guide_doctests::Async coroutine
# (The default python3 ran them above; `full` includes the feature too.)
step "experimental-async coroutine tests against ${PYTHONS[0]} (full API)"
PYO3_PYTHON="${PYTHONS[0]}" cargo test -p pyo3 --features experimental-async,auto-initialize \
    --test test_coroutine --test test_coroutine_methods
step "experimental-async coroutine tests against ${PYTHONS[-1]} (abi3-py39)"
PYO3_PYTHON="${PYTHONS[-1]}" cargo test -p pyo3 --features experimental-async,abi3-py39,auto-initialize \
    --test test_coroutine --test test_coroutine_methods

step "ffi layout and symbol checks against every Python"
bash pyo3-ffi/check/run-all-pythons.sh "${PYTHONS[@]}"

step "PYO3_PRINT_CONFIG=1 prints the configuration and stops the build"
if out="$(PYO3_PRINT_CONFIG=1 cargo build -p pyo3-ffi 2>&1)"; then
    echo "expected the build to stop" >&2; exit 1
fi
grep -qE '(^|[[:space:]])version=3\.' <<<"$out" || { echo "$out" >&2; echo "no config printed" >&2; exit 1; }

step "valgrind memcheck over embedding tests (PYTHONMALLOC=malloc; suppressions: scripts/valgrind.supp)"
bash scripts/valgrind.sh

step "Python 3.8 and 3.16 are refused with PyO3's messages (scripts/test-version-limits.sh)"
bash scripts/test-version-limits.sh

step "bad configuration stops the build script with a clean error (no panic)"
bash scripts/check-bad-config.sh

ensure_venv
# Smoke run of the call-overhead benchmark against the C baseline (PyO3 0.30.1 from crates.io
# is skipped here: it is a second LTO build and needs the network; so is the Cython column,
# which installs Cython from PyPI and only adds timings). What can fail CI is the
# equivalence check (same results and exception types as C, exit 2) and the leak check; the
# timings are printed for information only (no --strict: a shared CI machine's timings must
# not fail the build). The build is the bench's own release profile; later runs reuse
# bench/call-overhead/target. The full comparison is `bash bench/call-overhead/run.sh`.
step "bench/call-overhead --quick (equivalence + leak checks vs C; timings informational)"
BENCH_SKIP="pyo3 cython" BENCH_REQUIRE="c ours" BENCH_VENV="$VENV" bash bench/call-overhead/run.sh --quick

step "examples/string-sum: maturin develop + pytest"
(cd examples/string-sum && maturin develop --quiet && python -m pytest -q tests)

# The pyo3 examples share one target dir (pyo3 is compiled once per feature set).
for example in getting-started getitem decorator word-count maturin-starter; do
    step "examples/$example: maturin develop --release + pytest (default python3)"
    (cd "examples/$example" && CARGO_TARGET_DIR="$REPO_ROOT/target/examples" \
        maturin develop --release --quiet && python -m pytest -q -p no:cacheprovider tests)
done

step "pytests/hostile: hostile inputs through generated code (fixed corpus + hypothesis; case count below)"
(cd pytests/hostile && CARGO_TARGET_DIR="$REPO_ROOT/target/examples" \
    maturin develop --release --quiet && python -m pytest -q -p no:cacheprovider tests)

# The benchmarks run once each as plain tests here (the Rust and Python results must agree);
# `nox -s bench-pytests` times them.
step "pytests/pyo3-pytests: the library exercised from Python (benchmarks run once as tests)"
(cd pytests/pyo3-pytests && CARGO_TARGET_DIR="$REPO_ROOT/target/examples" \
    maturin develop --release --quiet && python -m pytest -q -p no:cacheprovider \
    --benchmark-disable tests)

step "examples/setuptools-rust-starter: pip install . (setuptools-rust from PyPI) + pytest"
(cd examples/setuptools-rust-starter && CARGO_TARGET_DIR="$REPO_ROOT/target/examples" \
    python -m pip install --quiet --disable-pip-version-check . &&
    python -m pytest -q -p no:cacheprovider tests)

step "examples as abi3 wheels (built once with python3) on every Python"
bash scripts/test-examples-abi3.sh

# The interpreters the host lacks, in a Debian sid root made once under
# /var/cache/pyo3-extra-pythons (needs root; see scripts/extra-pythons.sh): CPython 3.14 and
# 3.15 (tests, ffi checks, examples, and the abi3 wheels built just above), the 3.14 debug
# build (ffi checks, refcount-exact tests), PyPy 3.11 (ffi checks, examples) and the
# free-threaded 3.14t/3.15t configurations (compile + free-threaded layout check).
# PYO3_SKIP_EXTRA_PYTHONS=1 skips it (e.g. on a machine without root).
# Each stage inside checks CI's time budget (scripts/lib.sh) and says when it is skipped.
if [[ -z ${PYO3_SKIP_EXTRA_PYTHONS:-} ]]; then
    step "extra interpreters (CPython 3.14, 3.14d, 3.15, PyPy 3.11, free-threaded) in the sid root"
    if [[ -n $EXTRA_ROOT_PID ]] && ! wait "$EXTRA_ROOT_PID"; then
        echo "making the sid root in the background failed; its log, then a second attempt:"
        cat "$EXTRA_ROOT_LOG"
    fi
    bash scripts/test-extra-pythons.sh
else
    step "extra interpreters skipped (PYO3_SKIP_EXTRA_PYTHONS is set)"
fi

# Estimates below: measured 2026-12-07 on a fresh clone after the stages above (load 3-4):
# check-features 194 s, newcomer errors 38 s, asan --ci 134 s (its sanitizer build cold),
# fuzz 100 s (cargo-fuzz already installed), plus margin and cold installs (mdbook, cargo-fuzz).
if within_budget "every feature builds alone (scripts/check-features.sh)" 300; then
    step "every feature builds alone (scripts/check-features.sh)"
    bash scripts/check-features.sh
fi

# Async and type stubs come before the ecosystem and reliability stages (the order of priority
# when the budget runs short). The stubs stage checks the fixture and six examples; pyo3 is
# compiled once for all of them (about 60 s cold on a loaded 2-core machine).
if within_budget "type stubs: golden files, mypy --strict, stubtest (scripts/check-stubs.sh)" 180; then
    step "type stubs: golden files, mypy --strict, stubtest (scripts/check-stubs.sh)"
    bash scripts/check-stubs.sh
fi

# The errors a newcomer meets with an extension module (misnamed `#[pymodule]`, a module built
# for another CPython), triggered for real: two small builds in their own target dir.
if within_budget "newcomer errors (scripts/test-newcomer-errors.sh)" 120; then
    step "newcomer errors: each triggered, each message checked (scripts/test-newcomer-errors.sh)"
    bash scripts/test-newcomer-errors.sh
fi

# PyO3 parity: the same probe built against this workspace and against PyO3 0.30.1 from
# crates.io, with the optional conversions, must print the same results and error messages
# for about 1300 calls (tests/parity; about 2 minutes cold).
if within_budget "PyO3 parity probe (scripts/parity.sh --full)" 240; then
    step "PyO3 parity of results and messages (scripts/parity.sh --full)"
    bash scripts/parity.sh --full
fi

# The API docs with warnings as errors (broken intra-doc links; about a minute).
if within_budget "cargo doc -D warnings (scripts/docs.sh)" 120; then
    bash scripts/docs.sh
fi

# The user guide: mdbook (a cold `cargo install` the first time, cached under ~/.cache) and a
# check of every internal link and anchor of the HTML. (Its Rust blocks ran as doctests in the
# workspace test step above.)
if within_budget "mdbook build of the guide + link check (scripts/build-guide.sh)" 240; then
    step "mdbook build of the guide + internal link check (scripts/build-guide.sh)"
    bash scripts/build-guide.sh
fi

# AddressSanitizer + LeakSanitizer (stable toolchain, RUSTC_BOOTSTRAP=1) over CI's subset: the
# unit tests, the integration tests nearest the unsafe runtime and pytests/hostile through an
# LD_PRELOADed runtime (the full run is `nox -s address-sanitizer`; scripts/asan.sh says which).
if within_budget "AddressSanitizer over CI's subset (scripts/asan.sh --ci)" 240; then
    step "AddressSanitizer + LeakSanitizer over CI's subset (scripts/asan.sh --ci)"
    bash scripts/asan.sh --ci
fi

# The fuzz targets (fuzz/), their regression inputs replayed, then 5 seconds each.
if within_budget "fuzz smoke run (scripts/fuzz.sh 5)" 240; then
    step "cargo-fuzz targets: regression inputs + 5 s each (scripts/fuzz.sh 5)"
    bash scripts/fuzz.sh 5
fi
