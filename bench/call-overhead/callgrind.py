"""Instructions per call of the benchmark cases under `valgrind --tool=callgrind`.

    python callgrind.py --ext-dir DIR [--only cls_new,cls_eq,...] [--calls N]

For each case and each importable implementation, runs the case's timed statement N times
(default 20000) in a loop under callgrind, and once with 0 iterations, and prints
(instructions(N) - instructions(0)) / N: the cost of one call including the loop and
CPython's dispatch, which are the same for all implementations. Unlike wall-clock timings
these counts do not depend on machine load. Run with the benchmark venv's Python (run.sh
installs the Rust modules there), e.g.
`$BENCH_OUT/venv/bin/python callgrind.py --ext-dir $BENCH_OUT/ext`.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run  # noqa: E402 - the case tables

# The child process: builds the case's globals exactly as run.py does, then runs the
# statement `n` times in one compiled loop.
DRIVER = """
import gc, sys
sys.path[:0] = {ext_dirs!r}
sys.path.insert(0, {here!r})
import run
module = __import__({module!r})
case = [c for c in run.CASES + run.CLASS_CASES if c[1] == {key!r}][0]
_, fname, stmt, extra = case
if callable(extra):
    g = extra(module)
else:
    g = dict(extra)
    g["f"] = getattr(module, fname)
body = "\\n".join("        " + line for line in stmt.splitlines())
src = "def _loop(n):\\n    for _ in range(n):\\n" + body + "\\n"
exec(compile(src, "<case>", "exec"), g)
gc.disable()
g["_loop"](3)
g["_loop"]({n})
"""


def instructions(python, ext_dirs, module, key, n):
    script = DRIVER.format(ext_dirs=ext_dirs, here=HERE, module=module, key=key, n=n)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        env = dict(os.environ, PYTHONHASHSEED="0")
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, "-c", script],
            env=env,
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"{module} {key} n={n} failed:\n{proc.stderr[-2000:]}")
        m = re.search(r"Collected : (\d+)", proc.stderr)
        if not m:
            raise RuntimeError(f"no instruction count in:\n{proc.stderr[-2000:]}")
        return int(m.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ext-dir", action="append", default=[])
    parser.add_argument("--only", help="comma-separated case keys (the --only keys of run.py)")
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--impls", default="c,pyo3,ours", help="comma-separated impl keys")
    opts = parser.parse_args()
    ext_dirs = [os.path.abspath(d) for d in opts.ext_dir]
    cases = run.CASES + run.CLASS_CASES
    if opts.only:
        wanted = set(opts.only.split(","))
        cases = [c for c in cases if c[1] in wanted]
    impls = [i for i in run.IMPLS if i[0] in opts.impls.split(",")]
    print("| case | " + " | ".join(title for _, _, title in impls) + " |")
    print("|---|" + "---:|" * len(impls))
    for name, key, _, _ in cases:
        cells = []
        for _, module, _ in impls:
            try:
                base = instructions(sys.executable, ext_dirs, module, key, 0)
                full = instructions(sys.executable, ext_dirs, module, key, opts.calls)
                cells.append(f"{(full - base) / opts.calls:.0f}")
            except RuntimeError as exc:
                print(exc, file=sys.stderr)
                cells.append("n/a")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
