#!/usr/bin/env bash
# Binary size, macro expansion and build times of the benchmark module: ours vs PyO3 0.30.1.
#
#   bench/call-overhead/size.sh [--no-cold]
#
# For each of pyo3-upstream/ (bench_pyo3) and ours/ (bench_ours), in a target dir of its own
# under $BENCH_OUT/size-<key> (default bench/call-overhead/target), the two crates alternating
# (their order swaps every round), each timing with its wall and CPU (user + system) time:
#   1. cold release build: the target dir is deleted first, so every dependency is compiled
#      ($SIZE_COLD_ROUNDS times, default 2; skipped with --no-cold, which keeps the target
#      dir); with `--timings`, whose per-crate times timings.py adds to breakdown.txt;
#   2. the module crate alone: `cargo clean -p` of the module crate, then a release build
#      (its dependencies are already built); this and 3. $SIZE_ROUNDS times (default 3);
#   3. rebuild after touching the module's source (src/bench_fns.rs, which both crates
#      include): the release profile is not incremental, so this recompiles the crate and
#      redoes the fat-LTO link;
#   4. the release .so's size, and its size after `strip` (a copy is stripped);
#   5. `RUSTC_BOOTSTRAP=1 cargo rustc --release --lib -- -Zunpretty=expanded`, whose tokens
#      are counted against those of the crate's source (lib.rs + ../src/bench_fns.rs) by
#      tokens.py (its docstring says how it tokenises);
#   6. the floor: floor/ (a dependency-free cdylib that catches a panic, same profile), whose
#      .so is what the standard library alone puts into any such extension;
#   7. where the bytes and the expanded tokens go: the largest symbols of the .so grouped by
#      crate (nm), and the expanded tokens per generated item (tokens.py --items), written to
#      $BENCH_OUT/size-<key>/breakdown.txt.
# Prints a markdown table. Builds run one after the other with $CARGO_BUILD_JOBS jobs
# (default: every CPU); PYO3_PYTHON (default: $PYTHON, else python3) is the interpreter both
# build for.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${BENCH_OUT:-$HERE/target}"
COLD=1
[[ "${1:-}" == "--no-cold" ]] && COLD=0
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-$(nproc)}"
export CARGO_TERM_COLOR=never CARGO_INCREMENTAL=0
export PYO3_PYTHON="${PYO3_PYTHON:-${PYTHON:-$(command -v python3)}}"
mkdir -p "$OUT"
python3 "$HERE/tokens.py" --self-test

declare -A T S DIRS CRATES
DIRS=([pyo3]=pyo3-upstream [ours]=ours)
CRATES=([pyo3]=bench_pyo3 [ours]=bench_ours)
COLD_ROUNDS="${SIZE_COLD_ROUNDS:-2}"
ROUNDS="${SIZE_ROUNDS:-3}"

# timed KEY.WHAT CMD...: runs CMD in KEY's crate dir (output to its log) and appends
# "wall,cpu;" (seconds; cpu = user + system time of the build processes) to T[KEY.WHAT]
timed() {
    local name="$1" key="${1%%.*}" r
    shift
    r=$(cd "$HERE/${DIRS[$key]}" && python3 "$HERE/timings.py" --run "$OUT/size-$key.log" "$@") ||
        { echo "failed: $*; see $OUT/size-$key.log" >&2; tail -n 20 "$OUT/size-$key.log" >&2; exit 1; }
    T[$name]+="$r;"
}

# the two keys, in alternating order per round (so that a drift of the machine's load does
# not always hit the same build)
order() { if (($1 % 2)); then echo "ours pyo3"; else echo "pyo3 ours"; fi; }

for key in pyo3 ours; do : >"$OUT/size-$key.log"; done
if [[ $COLD == 1 ]]; then
    for ((r = 0; r < COLD_ROUNDS; r++)); do
        for key in $(order $r); do
            echo "=== cold build $((r + 1))/$COLD_ROUNDS: ${CRATES[$key]}" >&2
            rm -rf "$OUT/size-$key"
            timed "$key.cold" env CARGO_TARGET_DIR="$OUT/size-$key" cargo build --release --lib --timings
        done
    done
else
    for key in pyo3 ours; do
        (cd "$HERE/${DIRS[$key]}" && CARGO_TARGET_DIR="$OUT/size-$key" cargo build --release --lib) \
            >>"$OUT/size-$key.log" 2>&1
    done
fi
for ((r = 0; r < ROUNDS; r++)); do
    echo "=== module crate alone and rebuild after touch, round $((r + 1))/$ROUNDS" >&2
    for key in $(order $r); do
        (cd "$HERE/${DIRS[$key]}" && CARGO_TARGET_DIR="$OUT/size-$key" cargo clean --release \
            -p "${CRATES[$key]}") >>"$OUT/size-$key.log" 2>&1
        timed "$key.crate" env CARGO_TARGET_DIR="$OUT/size-$key" cargo build --release --lib
    done
    # both crates include this file, so both rebuild after one touch
    touch "$HERE/src/bench_fns.rs"
    for key in $(order $r); do
        timed "$key.touch" env CARGO_TARGET_DIR="$OUT/size-$key" cargo build --release --lib
    done
done

# sizes, expansion and where they go
measure() {
    local key="$1" dir="$HERE/${DIRS[$1]}" crate="${CRATES[$1]}"
    local tgt="$OUT/size-$key" so="$OUT/size-$key/release/lib${CRATES[$1]}.so"
    cp "$so" "$tgt/stripped.so"
    strip "$tgt/stripped.so"
    S[$key.so]=$(stat -c %s "$so")
    S[$key.stripped]=$(stat -c %s "$tgt/stripped.so")
    (cd "$dir" && RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$tgt" cargo rustc --release --lib -- \
        -Zunpretty=expanded) >"$tgt/expanded.rs" 2>>"$OUT/size-$key.log"
    S[$key.src]=$(python3 "$HERE/tokens.py" "$dir/src/lib.rs" "$HERE/src/bench_fns.rs")
    S[$key.exp]=$(python3 "$HERE/tokens.py" "$tgt/expanded.rs")
    {
        if [[ $COLD == 1 && -f "$tgt/cargo-timings/cargo-timing.html" ]]; then
            echo "## compile time per unit of the last cold build (cargo --timings)"
            python3 "$HERE/timings.py" "$tgt/cargo-timings/cargo-timing.html"
            echo
        fi
        echo "## largest symbols of $so (nm --size-sort, demangled)"
        nm --size-sort -S -C --defined-only "$so" | tail -n 60
        echo
        echo "## bytes of defined symbols per leading path segment"
        nm -S -C --defined-only "$so" | python3 "$HERE/symbols.py"
        echo
        echo "## expanded tokens per item (tokens.py --items)"
        python3 "$HERE/tokens.py" --items --top 60 "$tgt/expanded.rs"
    } >"$tgt/breakdown.txt"
    echo "breakdown: $tgt/breakdown.txt" >&2
}
measure pyo3
measure ours

# The floor: floor/ is a cdylib without dependencies that only catches a panic, same profile.
echo "=== bench_floor (floor)" >&2
FLOOR="$OUT/size-floor"
(cd "$HERE/floor" && CARGO_TARGET_DIR="$FLOOR" cargo build --release --lib) >"$OUT/size-floor.log" 2>&1
cp "$FLOOR/release/libbench_floor.so" "$FLOOR/stripped.so"
strip "$FLOOR/stripped.so"
S[floor.so]=$(stat -c %s "$FLOOR/release/libbench_floor.so")
S[floor.stripped]=$(stat -c %s "$FLOOR/stripped.so")
nm -S -C --defined-only "$FLOOR/release/libbench_floor.so" | python3 "$HERE/symbols.py" \
    >"$FLOOR/breakdown.txt"

python3 - "$(date -u +%Y-%m-%d)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$CARGO_BUILD_JOBS" \
    "$("$PYO3_PYTHON" -c 'import platform; print(platform.python_version())')" \
    "${S[pyo3.so]}" "${S[ours.so]}" "${S[pyo3.stripped]}" "${S[ours.stripped]}" \
    "${S[pyo3.src]}" "${S[ours.src]}" "${S[pyo3.exp]}" "${S[ours.exp]}" \
    "${T[pyo3.cold]:-}" "${T[ours.cold]:-}" "${T[pyo3.crate]}" "${T[ours.crate]}" \
    "${T[pyo3.touch]}" "${T[ours.touch]}" "${S[floor.so]}" "${S[floor.stripped]}" <<'EOF'
import statistics
import sys

(date, load, jobs, py, so_p, so_o, st_p, st_o, src_p, src_o, exp_p, exp_o,
 cold_p, cold_o, crate_p, crate_o, touch_p, touch_o, so_f, st_f) = sys.argv[1:]

def ratio(o, p, target=None):
    try:
        r = float(o) / float(p)
    except ValueError:
        return "n/a"
    flag = "" if target is None or r <= target else f" (target <= {target}: missed)"
    return f"{r:.2f}x{flag}"

kib = lambda b: f"{int(b) / 1024:.0f}"
per_p, per_o = int(exp_p) / int(src_p), int(exp_o) / int(src_o)
print(f"\nsize.sh {date}, load average {load} at the end, CARGO_BUILD_JOBS={jobs}, "
      f"Python {py}")
print()
print("| measure | PyO3 0.30.1 | ours | ours/PyO3 |")
print("|---|---:|---:|---:|")
print(f"| release .so (KiB) | {kib(so_p)} | {kib(so_o)} | {ratio(so_o, so_p, 0.8)} |")
print(f"| stripped .so (KiB) | {kib(st_p)} | {kib(st_o)} | {ratio(st_o, st_p)} |")
above = lambda b, f: str(int(b) - int(f))
print(f"| .so above the std-only floor of {kib(so_f)} KiB (KiB) | {kib(above(so_p, so_f))} | "
      f"{kib(above(so_o, so_f))} | {ratio(above(so_o, so_f), above(so_p, so_f))} |")
print(f"| stripped .so above the floor of {kib(st_f)} KiB (KiB) | {kib(above(st_p, st_f))} | "
      f"{kib(above(st_o, st_f))} | {ratio(above(st_o, st_f), above(st_p, st_f))} |")
print(f"| source tokens | {src_p} | {src_o} | |")
print(f"| expanded tokens | {exp_p} | {exp_o} | {ratio(exp_o, exp_p)} |")
print(f"| expanded tokens per source token | {per_p:.2f} | {per_o:.2f} | "
      f"{ratio(per_o, per_p, 0.5)} |")
def samples(text, which):
    """The wall (which=0) or CPU (which=1) seconds of "wall,cpu;..." samples."""
    return [float(x.split(",")[which]) for x in text.split(";") if x]


def cell(text, which):
    xs = samples(text, which)
    if not xs:
        return "n/a"
    if len(xs) == 1:
        return f"{xs[0]:.1f}"
    return f"{statistics.median(xs):.1f} ({min(xs):.1f}-{max(xs):.1f})"


def time_ratio(o, p, which):
    xo, xp = samples(o, which), samples(p, which)
    return ratio(statistics.median(xo), statistics.median(xp)) if xo and xp else "n/a"


for label, p, o in [
    ("cold release build, dependencies included", cold_p, cold_o),
    ("release build of the module crate alone", crate_p, crate_o),
    ("release rebuild after touching its source", touch_p, touch_o),
]:
    print(f"| {label}: wall s, median (range) | {cell(p, 0)} | {cell(o, 0)} | "
          f"{time_ratio(o, p, 0)} |")
    print(f"| the same: CPU s (user + system) | {cell(p, 1)} | {cell(o, 1)} | "
          f"{time_ratio(o, p, 1)} |")
n_cold, n_rounds = len(samples(cold_p, 0)), len(samples(crate_p, 0))
print(f"\n(build times: {n_cold} cold build(s) and {n_rounds} rounds of the others per crate, "
      "the two crates alternating)")
EOF
