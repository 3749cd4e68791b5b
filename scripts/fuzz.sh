#!/usr/bin/env bash
# cargo-fuzz targets in fuzz/ (argument extraction and the conversions of untrusted input,
# with Python embedded), built with ASan by cargo-fuzz on the stable toolchain
# (RUSTC_BOOTSTRAP=1). First every saved regression input (fuzz/regressions/<target>/) is
# replayed, then each target is fuzzed for SECONDS, starting from its seeds in
# fuzz/seeds/<target>/ (new corpus entries go to a scratch directory, not into the repo).
# A crash, a failed check (a panic in the target), a sanitizer report or a leak fails the run;
# libFuzzer saves the input under fuzz/artifacts/<target>/, which then belongs in
# fuzz/regressions/<target>/ once fixed.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] (default 5, CI's smoke run; `nox -s fuzz` runs
# 300 per target)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT/fuzz"

seconds="${1:-5}"
CARGO_FUZZ_VERSION=0.13.2
CARGO_FUZZ_ROOT="${CARGO_FUZZ_ROOT:-$HOME/.cache/cargo-fuzz-$CARGO_FUZZ_VERSION}"
if [[ ! -x "$CARGO_FUZZ_ROOT/bin/cargo-fuzz" ]]; then
    step "installing cargo-fuzz $CARGO_FUZZ_VERSION into $CARGO_FUZZ_ROOT (cargo install, once)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet --root "$CARGO_FUZZ_ROOT"
fi
export PATH="$CARGO_FUZZ_ROOT/bin:$PATH"
export RUSTC_BOOTSTRAP=1
# Python objects through malloc, so that ASan and the leak checker see them (see asan.sh).
export PYTHONMALLOC=malloc
export LSAN_OPTIONS="suppressions=$REPO_ROOT/scripts/lsan.supp:print_suppressions=0"
# The fuzz crate has its own lock file and target directory (its build flags differ).
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/fuzz"

mapfile -t targets < <(cargo fuzz list)
step "cargo fuzz build -O (${#targets[@]} targets: ${targets[*]})"
cargo fuzz build -O

failed=0
total_runs=0
for t in "${targets[@]}"; do
    regressions=("$REPO_ROOT"/fuzz/regressions/"$t"/*)
    if [[ -e ${regressions[0]} ]]; then
        step "fuzz $t: replaying ${#regressions[@]} regression inputs"
        if ! cargo fuzz run -O "$t" "${regressions[@]}" >/tmp/fuzz-$$.log 2>&1; then
            tail -60 /tmp/fuzz-$$.log
            failed=1
        fi
        echo "fuzz $t: ${#regressions[@]} regression inputs replayed, reports found: $(grep -c '^==[0-9]*==ERROR' /tmp/fuzz-$$.log || true)"
    fi
    corpus="$(mktemp -d)"
    step "fuzz $t for ${seconds}s (seeds: fuzz/seeds/$t)"
    rc=0
    cargo fuzz run -O "$t" "$corpus" "seeds/$t" -- -max_total_time="$seconds" \
        -print_final_stats=1 >/tmp/fuzz-$$.log 2>&1 || rc=$?
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' /tmp/fuzz-$$.log | tail -1)"
    found="$(grep -cE '^==[0-9]+==ERROR|^thread .* panicked|deadly signal' /tmp/fuzz-$$.log || true)"
    echo "fuzz $t: ${runs:-0} runs in ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs, reports found: $found (exit $rc)"
    if [[ $rc -ne 0 || $found -ne 0 || -z $runs ]]; then
        tail -80 /tmp/fuzz-$$.log
        failed=1
    fi
    total_runs=$((total_runs + ${runs:-0}))
    rm -rf "$corpus" /tmp/fuzz-$$.log
done
echo "fuzz total: ${#targets[@]} targets, $total_runs runs, failures: $failed"
exit "$failed"
