"""Translate bench_cython.pyx with Cython and compile it like the C extension.

    python build.py OUT_DIR

writes OUT_DIR/bench_cython.c and OUT_DIR/bench_cython<EXT_SUFFIX>. The running interpreter
must have Cython installed (run.sh installs it from PyPI into the bench venv). The C is
compiled by ../c-ext/build.py's `compile_extension`: the interpreter's own CC, CFLAGS,
CCSHARED and LDSHARED, the same code-generation flags as the hand-written C; only the
-Wextra -Werror of the hand-written C are left out (Cython's generated code is not written
to be warning-free under -Wextra).
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "c-ext"))

from build import compile_extension  # noqa: E402 - the path is set just above


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build.py OUT_DIR")
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    c_file = os.path.join(out_dir, "bench_cython.c")
    cmd = [sys.executable, "-m", "cython", "-3", os.path.join(HERE, "bench_cython.pyx"), "-o", c_file]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    print(compile_extension(c_file, "bench_cython", out_dir, []))


if __name__ == "__main__":
    main()
