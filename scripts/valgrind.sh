#!/usr/bin/env bash
# valgrind memcheck over embedding tests: no invalid reads/writes, no uses of uninitialised
# memory, and no definite or indirect leaks, except what scripts/valgrind.supp lists (the
# interpreter's own reports, each explained there). PYTHONMALLOC=malloc so that every Python
# allocation goes through the allocator valgrind watches.
# Usage: scripts/valgrind.sh [TEST_BINARY_NAME...] (default: a set of fast embedding tests)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
command -v valgrind >/dev/null || { echo "valgrind not installed" >&2; exit 1; }

tests=("$@")
[[ ${#tests[@]} -gt 0 ]] || tests=(test_refcounts_on_failure test_err test_conversion test_exceptions test_pyfunction)
args=()
for t in "${tests[@]}"; do args+=(--test "$t"); done
cargo test -p pyo3 --features auto-initialize "${args[@]}" --no-run
target="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"

failed=0
for t in "${tests[@]}"; do
    bin="$(ls -t "$target"/debug/deps/"$t"-* | grep -v '\.d$' | head -1)"
    log="$(mktemp)"
    rc=0
    PYTHONMALLOC=malloc valgrind --tool=memcheck --leak-check=full \
        --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
        --suppressions=scripts/valgrind.supp --error-exitcode=99 --num-callers=40 \
        "$bin" --test-threads 1 >"$log" 2>&1 || rc=$?
    summary="$(grep -E 'ERROR SUMMARY' "$log" | tail -1 | sed 's/^==[0-9]*== //')"
    passed="$(grep -E '^test result' "$log" | tail -1)"
    echo "valgrind $t: $summary; $passed"
    if [[ $rc -ne 0 ]]; then
        failed=1
        grep -E -A30 'Invalid (read|write)|uninitialised|definitely lost in|indirectly lost in' "$log" | head -120
    fi
    rm -f "$log"
done
exit "$failed"
