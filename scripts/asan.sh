#!/usr/bin/env bash
# AddressSanitizer and LeakSanitizer over pyo3's unit and integration tests and over the
# Python-driven suites (the example modules' pytests and pytests/hostile), on the stable
# toolchain: RUSTC_BOOTSTRAP=1 lets stable rustc take `-Zsanitizer=address`, and an explicit
# `--target` keeps the flag off build scripts and proc macros (which cannot be instrumented
# without an instrumented std). Every Python allocation goes through malloc
# (PYTHONMALLOC=malloc) so that ASan sees Python objects too, and LeakSanitizer can follow
# pointers through them.
#
# Test binaries link Rust's own ASan runtime. A Python process loading an instrumented
# extension module needs the runtime loaded first: LD_PRELOAD of the shared runtime that
# GCC ships (libasan, from `gcc -print-file-name`), which implements the same interface.
#
# Reports that come from the interpreter itself are listed in scripts/lsan.supp, each with the
# reason; any other report fails the run. Each stage prints its counts.
#
# Usage: scripts/asan.sh [--ci]
#   (no argument)  everything: all of pyo3's unit and integration tests, every maturin
#                  example's pytest suite and pytests/hostile (what `nox -s address-sanitizer`
#                  runs)
#   --ci           the subset CI runs (see CI_TESTS below)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

mode="${1:-all}"
HOST="$(rustc -vV | sed -n 's/^host: //p')"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
export RUSTC_BOOTSTRAP=1
export RUSTFLAGS="-Zsanitizer=address -Cforce-frame-pointers=yes"
export PYTHONMALLOC=malloc
# halt_on_error: the first memory error ends the process (and fails the test binary).
# detect_stack_use_after_return is off: it gives every instrumented frame a heap-allocated
# fake stack, which slows the run; the bugs this run is after are on the heap (Python objects).
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$REPO_ROOT/scripts/lsan.supp:print_suppressions=0"

# pyo3's test binaries excluded everywhere here, with the reason:
#  test_compile_errors (trybuild): compiles code, runs nothing of ours under ASan.
#  embedding_example_output: runs `cargo run` on examples/embedding, which inherits RUSTFLAGS
#    without --target (the sanitizer flag then reaches the proc macros, which fails).
#  million_instances_keep_rss_flat: asserts a flat RSS, which ASan's quarantine of freed
#    memory and its shadow memory make meaningless.
SKIPS=(--skip test_compile_errors --skip embedding_example_output
    --skip million_instances_keep_rss_flat)
# Three tests check that a value is leaked on purpose (PyO3's documented behaviour): they run in
# a second pass with leak detection off; memory errors are still checked there.
DELIBERATE_LEAKS=(dropped_on_another_thread_is_reported_and_leaked drop_values_after_finalization
    also_unsendable_dropped_elsewhere)
DELIBERATE_LEAK_BINARIES=(--test test_class_unsendable --test test_drop_after_finalize
    --test test_soundness)

# CI's subset: the unit tests and the integration tests closest to the unsafe runtime
# (argument extraction, conversions, class objects and their deallocation, errors, GC,
# hostile input, soundness regressions, builtin functions), ~15% of the test binaries' build
# time; and one Python-driven suite, pytests/hostile (hostile inputs through generated code).
CI_TESTS=(--lib --test test_class_core --test test_pyfunction --test test_err
    --test test_conversion --test test_gc --test test_hostile_input --test test_soundness
    --test test_cfunction --test test_frompyobject --test test_refcounts_on_failure)
CI_SUITES=(pytests/hostile)
ALL_SUITES=(examples/getting-started examples/getitem examples/decorator examples/word-count
    examples/maturin-starter examples/string-sum pytests/hostile pytests/pyo3-pytests)

reports=0
found=0
# Sets `found` to the number of sanitizer reports in a log, adds it to `reports`, and prints
# the reports.
count_reports() { # log
    found=$(grep -cE '^==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer)' "$1" || true)
    if ((found > 0)); then
        grep -E -A40 '^==[0-9]+==ERROR: (AddressSanitizer|LeakSanitizer)' "$1" | head -200
    fi
    reports=$((reports + found))
}

run_rust() {
    local tests=("$@") log rc=0 n passed binaries
    log="$(mktemp)"
    step "ASan: cargo test -p pyo3 (${tests[*]}) --target $HOST"
    cargo test -p pyo3 --features auto-initialize --target "$HOST" --no-fail-fast "${tests[@]}" \
        -- "${SKIPS[@]}" $(printf -- '--skip %s ' "${DELIBERATE_LEAKS[@]}") >"$log" 2>&1 || rc=$?
    grep -E '^test result: FAILED|panicked at|^error' "$log" | head -40 || true
    count_reports "$log"
    n=$found
    passed=$(grep -E '^test result' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s += $1} END {print s + 0}')
    binaries=$(grep -cE '^test result' "$log" || true)
    echo "ASan rust tests: $binaries binaries, $passed tests passed, reports found: $n (exit $rc)"
    rm -f "$log"
    local status=$rc

    log="$(mktemp)"
    rc=0
    step "ASan (leak detection off): the tests of deliberate leaks"
    ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" cargo test -p pyo3 --features auto-initialize \
        --target "$HOST" "${DELIBERATE_LEAK_BINARIES[@]}" -- "${DELIBERATE_LEAKS[@]}" >"$log" 2>&1 || rc=$?
    count_reports "$log"
    n=$found
    passed=$(grep -E '^test result' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/' | awk '{s += $1} END {print s + 0}')
    echo "ASan deliberate-leak tests: $passed tests passed, reports found: $n (exit $rc)"
    rm -f "$log"
    if [[ $rc -ne 0 || $passed -ne ${#DELIBERATE_LEAKS[@]} ]]; then status=1; fi
    return "$status"
}

run_suite() { # dir
    local dir="$1" log rc=0 n runtime
    runtime="$(gcc -print-file-name=libasan.so)"
    [[ -e $runtime ]] || { echo "GCC's libasan not found (install libasan8)" >&2; return 1; }
    step "ASan: $dir (maturin develop, instrumented) + pytest with LD_PRELOAD=$runtime"
    (cd "$dir" && CARGO_TARGET_DIR="$TARGET_DIR/asan-examples" maturin develop --quiet --target "$HOST") || return 1
    log="$(mktemp)"
    (cd "$dir" && LD_PRELOAD="$runtime" python -m pytest -q -p no:cacheprovider tests) >"$log" 2>&1 || rc=$?
    tail -3 "$log"
    count_reports "$log"
    n=$found
    echo "ASan $dir: $(grep -oE '[0-9]+ passed' "$log" | tail -1), reports found: $n (exit $rc)"
    rm -f "$log"
    return "$rc"
}

failed=0
case "$mode" in
    --ci)
        run_rust "${CI_TESTS[@]}" || failed=1
        ensure_venv
        for s in "${CI_SUITES[@]}"; do run_suite "$s" || failed=1; done
        ;;
    all)
        run_rust --lib --tests || failed=1
        ensure_venv
        for s in "${ALL_SUITES[@]}"; do run_suite "$s" || failed=1; done
        ;;
    *) echo "usage: $0 [--ci]" >&2; exit 2 ;;
esac
echo "ASan total: reports found: $reports"
((reports == 0)) || failed=1
exit "$failed"
