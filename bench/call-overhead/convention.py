"""What the calling convention alone costs a one-argument method, on the running interpreter.

    python convention.py --ext-dir DIR [--rounds N] [--callgrind]

Our `#[pymethods]` methods with parameters are `METH_FASTCALL | METH_KEYWORDS`, as PyO3's
are, because PyO3 accepts keyword arguments for them (`p.bump(x=1)`); the C reference of the
class table uses `METH_O` for `bump`. The C module also has `bump_fastcall`, the same method
body behind `METH_FASTCALL | METH_KEYWORDS` with an inline all-positional path. This times, in
one interleaved run (best of `--rounds` rounds of timeit batches), C's `p.bump(1)`, C's
`p.bump_fastcall(1)` and ours `p.bump(1)`, so that the difference between the first two is the
interpreter's dispatch of the two conventions and the difference between the last two is
what our binding adds. With `--callgrind`, also the instructions per call of each under
`valgrind --tool=callgrind` (N calls minus 0 calls, as callgrind.py does).
Run with the benchmark venv's Python after run.sh (it installs bench_ours).
"""

import argparse
import os
import re
import subprocess
import sys
import timeit

CASES = [
    ("C, METH_O: p.bump(1)", "bench_c", "bump"),
    ("C, METH_FASTCALL \\| METH_KEYWORDS: p.bump_fastcall(1)", "bench_c", "bump_fastcall"),
    ("ours: p.bump(1)", "bench_ours", "bump"),
]

DRIVER = """
import sys, gc
sys.path[:0] = {ext_dirs!r}
m = __import__({module!r})
p = m.Pair(1, 2)
src = "def _loop(n):\\n    for _ in range(n):\\n        p.{method}(1)\\n"
g = {{"p": p}}
exec(src, g)
gc.disable()
g["_loop"](3)
g["_loop"]({n})
"""


def instructions(ext_dirs, module, method, n):
    out = f"/tmp/convention-{os.getpid()}.cg"
    script = DRIVER.format(ext_dirs=ext_dirs, module=module, method=method, n=n)
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c",
         script],
        env=dict(os.environ, PYTHONHASHSEED="0"), capture_output=True, text=True,
    )
    os.unlink(out)
    return int(re.search(r"Collected : (\d+)", proc.stderr).group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ext-dir", action="append", default=[])
    ap.add_argument("--rounds", type=int, default=60)
    ap.add_argument("--callgrind", action="store_true")
    opts = ap.parse_args()
    ext_dirs = [os.path.abspath(d) for d in opts.ext_dir]
    sys.path[:0] = ext_dirs
    stmts = []
    for label, module, method in CASES:
        p = __import__(module).Pair(1, 2)
        stmts.append((label, f"p.{method}(1)", {"p": p}))
    best = {label: float("inf") for label, _, _ in stmts}
    for _ in range(opts.rounds):
        for label, stmt, g in stmts:
            t = min(timeit.repeat(stmt, globals=g, number=20000, repeat=3)) / 20000 * 1e9
            best[label] = min(best[label], t)
    base = best[CASES[0][0]]
    print(f"Python {sys.version.split()[0]}, best of {opts.rounds} interleaved rounds "
          f"(ns per call, timeit's loop included)\n")
    header = "| method call | ns/call | / C METH_O |"
    rule = "|---|---:|---:|"
    if opts.callgrind:
        header += " instructions/call |"
        rule += "---:|"
    print(header)
    print(rule)
    for label, module, method in CASES:
        row = f"| {label} | {best[label]:.2f} | {best[label] / base:.2f}x |"
        if opts.callgrind:
            n = 20000
            per = (instructions(ext_dirs, module, method, n)
                   - instructions(ext_dirs, module, method, 0)) / n
            row += f" {per:.0f} |"
        print(row)


if __name__ == "__main__":
    main()
