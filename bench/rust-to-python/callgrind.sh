#!/usr/bin/env bash
# Instructions per iteration of Rust -> Python cases under callgrind, for both builds:
#   bench/rust-to-python/callgrind.sh OURS_BIN PYO3_BIN CASE...
# Each case runs twice per binary with R2P_ITERS=N fixed, with 1 and 2 samples: the
# difference of the two totals is N iterations of the case (plus two clock reads).
# PYTHONHASHSEED is fixed (default 0): with a random seed, each process hashes the set-up's
# strings differently and the two totals differ by tens of instructions per iteration that
# belong to neither implementation.
set -euo pipefail
export PYTHONHASHSEED="${PYTHONHASHSEED:-0}"
ours="$1" pyo3="$2"
shift 2
N="${R2P_ITERS:-2000}"
total() {
    local out
    out=$(mktemp)
    R2P_ITERS=$N valgrind --tool=callgrind --callgrind-out-file="$out" "$1" "$2" "$3" 1 \
        >/dev/null 2>&1
    callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'
    rm -f "$out"
}
printf '| case | ours Ir/iter | PyO3 0.30.1 Ir/iter |\n|---|---:|---:|\n'
for c in "$@"; do
    row="| $c"
    for b in "$ours" "$pyo3"; do
        one=$(total "$b" "$c" 1)
        two=$(total "$b" "$c" 2)
        row+=" | $(( (two - one) / N ))"
    done
    echo "$row |"
done
