#!/usr/bin/env bash
# valgrind memcheck over embedding tests and one example suite (examples/getitem's pytest, the
# extension module loaded into python): no invalid reads/writes, no uses of uninitialised
# memory, and no definite or indirect leaks, except what scripts/valgrind.supp lists (the
# interpreter's own reports, each explained there). PYTHONMALLOC=malloc so that every Python
# allocation goes through the allocator valgrind watches.
# Usage: scripts/valgrind.sh [TEST_BINARY_NAME...] (default: a set of fast embedding tests)
# VALGRIND_SKIP_EXAMPLE=1 leaves out the example suite.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
command -v valgrind >/dev/null || { echo "valgrind not installed" >&2; exit 1; }

tests=("$@")
[[ ${#tests[@]} -gt 0 ]] || tests=(test_refcounts_on_failure test_err test_conversion test_exceptions test_pyfunction)
args=()
for t in "${tests[@]}"; do args+=(--test "$t"); done
cargo test -p pyo3 --features auto-initialize "${args[@]}" --no-run
target="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"

VALGRIND_ARGS=(--tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --suppressions="$REPO_ROOT/scripts/valgrind.supp"
    --error-exitcode=99 --num-callers=40)

failed=0
for t in "${tests[@]}"; do
    bin="$(ls -t "$target"/debug/deps/"$t"-* | grep -v '\.d$' | head -1)"
    log="$(mktemp)"
    rc=0
    PYTHONMALLOC=malloc valgrind "${VALGRIND_ARGS[@]}" "$bin" --test-threads 1 >"$log" 2>&1 || rc=$?
    summary="$(grep -E 'ERROR SUMMARY' "$log" | tail -1 | sed 's/^==[0-9]*== //')"
    passed="$(grep -E '^test result' "$log" | tail -1)"
    echo "valgrind $t: $summary; $passed"
    if [[ $rc -ne 0 ]]; then
        failed=1
        grep -E -A30 'Invalid (read|write)|uninitialised|definitely lost in|indirectly lost in' "$log" | head -120
    fi
    rm -f "$log"
done

# The example suite: python itself runs under valgrind, so the errors checked are those of the
# whole process, our extension module included. (Release build, shared with test-all.sh's
# examples stage.)
if [[ -z ${VALGRIND_SKIP_EXAMPLE:-} ]]; then
    ensure_venv
    (cd examples/getitem && CARGO_TARGET_DIR="$REPO_ROOT/target/examples" maturin develop --release --quiet)
    log="$(mktemp)"
    rc=0
    (cd examples/getitem && PYTHONMALLOC=malloc valgrind "${VALGRIND_ARGS[@]}" python -m pytest -q -p no:cacheprovider tests) >"$log" 2>&1 || rc=$?
    summary="$(grep -E 'ERROR SUMMARY' "$log" | tail -1 | sed 's/^==[0-9]*== //')"
    passed="$(grep -E '[0-9]+ passed' "$log" | tail -1)"
    echo "valgrind examples/getitem pytest: $summary; $passed"
    if [[ $rc -ne 0 ]]; then
        failed=1
        grep -E -A30 'Invalid (read|write)|uninitialised|definitely lost in|indirectly lost in' "$log" | head -160
        tail -5 "$log"
    fi
    rm -f "$log"
fi
exit "$failed"
