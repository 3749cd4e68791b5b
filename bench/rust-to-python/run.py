#!/usr/bin/env python3
"""Rust -> Python call costs: this repository's pyo3 vs PyO3 0.30.1, same source (src/cases.rs).

Builds `ours/` and `pyo3-upstream/` (cargo --release, against the interpreter given by
--python), then for each round and each case runs one process per implementation (the
order alternating between cases and rounds), each printing thread-CPU-time samples in
ns per iteration. Reports per case the median of all samples of each implementation, the
spread (interquartile range / median) and ours/PyO3, then the geometric mean.
"""

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
IMPLS = (("ours", "ours", "r2p_ours"), ("pyo3", "pyo3-upstream", "r2p_pyo3"))
TARGET_GEOMEAN = 0.90
TARGET_MAX = 1.10


def build(out: Path, python: str) -> dict:
    """Builds both binaries; returns {key: path}."""
    env = dict(os.environ, PYO3_PYTHON=python, CARGO_TERM_COLOR="never")
    env.setdefault("CARGO_BUILD_JOBS", "1")
    bins = {}
    for key, folder, name in IMPLS:
        target = out / f"cargo-{key}"
        cmd = ["cargo", "build", "--release", "--target-dir", str(target)]
        if key == "pyo3":
            cmd.append("--locked")
        print(f"=== building {folder} ({' '.join(cmd)})", flush=True)
        subprocess.run(cmd, cwd=HERE / folder, env=env, check=True)
        bins[key] = target / "release" / name
    return bins


def run_one(binary: Path, case: str, samples: int, target_ns: int) -> list:
    out = subprocess.run(
        [str(binary), case, str(samples), str(target_ns)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return [float(x) for x in out[1:]]


def quartiles(xs):
    q = statistics.quantiles(xs, n=4)
    return q[0], q[2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--python", default=os.environ.get("PYTHON", sys.executable))
    ap.add_argument("--out", default=os.environ.get("BENCH_OUT", str(HERE / "target")))
    ap.add_argument("--rounds", type=int, default=6, help="processes per case and implementation")
    ap.add_argument("--samples", type=int, default=15, help="samples per process")
    ap.add_argument("--target-ms", type=float, default=2.0, help="CPU time per sample")
    ap.add_argument("--only", help="comma-separated case names")
    ap.add_argument("--quick", action="store_true", help="2 rounds of 5 short samples")
    ap.add_argument("--json", help="write every sample to this file")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args()
    if args.quick:
        args.rounds, args.samples, args.target_ms = 2, 5, 0.5

    bins = build(Path(args.out), args.python)
    cases = subprocess.run(
        [str(bins["ours"]), "--list"], check=True, capture_output=True, text=True
    ).stdout.split()
    if args.only:
        wanted = args.only.split(",")
        unknown = set(wanted) - set(cases)
        if unknown:
            ap.error(f"unknown cases: {sorted(unknown)}")
        cases = [c for c in cases if c in wanted]

    target_ns = int(args.target_ms * 1e6)
    samples = {c: {"ours": [], "pyo3": []} for c in cases}
    for r in range(args.rounds):
        print(f"round {r + 1}/{args.rounds}", file=sys.stderr, flush=True)
        for i, case in enumerate(cases):
            order = ("ours", "pyo3") if (r + i) % 2 == 0 else ("pyo3", "ours")
            for key in order:
                samples[case][key] += run_one(bins[key], case, args.samples, target_ns)

    pyver = subprocess.run(
        [args.python, "-c", "import sys; print(sys.version.split()[0])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(f"\nRust -> Python, ns per operation (thread CPU time); machine: {cpu}, "
          f"{os.cpu_count()} CPUs, {platform.system()} {platform.release()}; Python {pyver}; "
          f"{datetime.date.today()}; {args.rounds} processes x {args.samples} samples "
          f"per case and implementation; spread = IQR / median\n")
    print("| case | ours | spread | PyO3 0.30.1 | spread | ours/PyO3 |")
    print("|---|---:|---:|---:|---:|---:|")
    ratios, missed = [], []
    for case in cases:
        row = []
        meds = {}
        for key in ("ours", "pyo3"):
            xs = samples[case][key]
            med = statistics.median(xs)
            q1, q3 = quartiles(xs)
            meds[key] = med
            row += [f"{med:.2f}", f"{100 * (q3 - q1) / med:.1f}%"]
        ratio = meds["ours"] / meds["pyo3"]
        ratios.append(ratio)
        flag = ""
        if ratio > TARGET_MAX:
            flag = " (over 1.10)"
            missed.append(case)
        print(f"| {case} | {' | '.join(row)} | {ratio:.2f}{flag} |")
    geo = math.exp(sum(map(math.log, ratios)) / len(ratios))
    print(f"\ngeometric mean ours/PyO3: {geo:.3f} (target <= {TARGET_GEOMEAN}); "
          f"cases above {TARGET_MAX}: {', '.join(missed) or 'none'}")
    if args.json:
        Path(args.json).write_text(json.dumps({"python": pyver, "samples": samples}, indent=1))
    ok = geo <= TARGET_GEOMEAN and not missed
    if not ok:
        print("TARGET MISSED")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
