#!/usr/bin/env bash
# PyO3 parity of behaviour: builds tests/parity (one source) against this workspace and against
# `pyo3 = "=0.30.1"` from crates.io, runs both on the same calls (tests/parity/cases.py: bad
# arguments, missing setters, conversions both ways, signatures, reprs, class and enum
# attributes, exception types; tests/parity/cases_more.py: less common conversions, more
# function and class shapes, errors, panics, protocol slots, containers changed while Rust
# iterates them), and diffs what they print, object addresses masked.
#
#   bash scripts/parity.sh          # exit 0 when both print the same lines
#   bash scripts/parity.sh --full   # also the optional conversions (pyo3's `full` feature:
#                                   # chrono, time, jiff, decimals, big ints, uuid, ...;
#                                   # tests/parity/cases_full.py)
#
# Target dirs: $CARGO_TARGET_DIR/parity-{ours,pyo3} (default target/). Needs crates.io (or
# cargo's cache) for PyO3 0.30.1. `--full` took 117 s cold on this 2-core machine (with
# another build running), 25 s warm.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
FEATURES=()
CASES=(cases.py cases_more.py)
if [[ "${1:-}" == "--full" ]]; then
    FEATURES=(--features full)
    CASES+=(cases_full.py)
fi
cd "$REPO_ROOT/tests/parity"
TARGET="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
OUT="$TARGET/parity-out"
mkdir -p "$OUT"
for key in ours pyo3; do
    (cd "$key" && CARGO_TARGET_DIR="$TARGET/parity-$key" cargo build --quiet "${FEATURES[@]}")
    # Addresses differ from run to run; PYTHONHASHSEED fixes set and dict orders.
    if ! PYTHONHASHSEED=0 "$TARGET/parity-$key/debug/parity_$key" "${CASES[@]}" \
        > "$OUT/$key.raw" 2> "$OUT/$key.stderr"; then
        tail -20 "$OUT/$key.stderr"
        echo "parity: the probe built against $key failed (above)"
        exit 1
    fi
    sed -E 's/0x[0-9a-f]+/0x…/g' "$OUT/$key.raw" > "$OUT/$key.txt"
done
lines=$(wc -l < "$OUT/pyo3.txt")
if diff -u "$OUT/pyo3.txt" "$OUT/ours.txt" > "$OUT/diff.txt"; then
    echo "parity: $lines lines printed by each build, 0 differ"
else
    cat "$OUT/diff.txt"
    echo "parity: $lines lines printed by PyO3 0.30.1's build, $(grep -c '^-[^-]' "$OUT/diff.txt") differ"
    exit 1
fi
