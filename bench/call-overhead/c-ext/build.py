"""Compile bench_c.c into an extension module with the running interpreter's own flags.

    python build.py OUT_DIR

writes OUT_DIR/bench_c<EXT_SUFFIX>. Uses sysconfig's CC, CFLAGS, CCSHARED and LDSHARED (what
setuptools would use), plus -Wextra -Werror so that sloppy C fails the build.
"""

import os
import shlex
import subprocess
import sys
import sysconfig


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build.py OUT_DIR")
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    cfg = sysconfig.get_config_var
    source = os.path.join(here, "bench_c.c")
    obj = os.path.join(out_dir, "bench_c.o")
    target = os.path.join(out_dir, "bench_c" + cfg("EXT_SUFFIX"))
    compile_cmd = (
        shlex.split(cfg("CC"))
        + shlex.split(cfg("CFLAGS"))
        + shlex.split(cfg("CCSHARED"))
        + ["-Wextra", "-Wno-unused-parameter", "-Werror", "-I" + cfg("INCLUDEPY")]
        + ["-c", source, "-o", obj]
    )
    link_cmd = shlex.split(cfg("LDSHARED")) + [obj, "-o", target]
    for cmd in (compile_cmd, link_cmd):
        print("+", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
    print(target)


if __name__ == "__main__":
    main()
