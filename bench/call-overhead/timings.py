"""Build timings for size.sh.

    python timings.py TARGET_DIR/cargo-timings/cargo-timing.html
    python timings.py --run LOG CMD...

The first form prints the per-unit compile times of a `cargo build --timings` report,
longest first: it reads the report's `UNIT_DATA` (one entry per compiled unit: a crate's
library, its build script run, ...) and prints each unit's duration in seconds and the sum.
Units run in parallel with `CARGO_BUILD_JOBS` > 1, so the sum exceeds the wall time.

The second runs CMD with its output appended to LOG and prints `wall,cpu`: its wall time and
the user + system CPU time of it and its children, in seconds. CPU time is less disturbed
than wall time by other jobs on a shared machine (it still includes their cache and
frequency effects). Exits with CMD's status.
"""

import json
import resource
import subprocess
import sys
import time

MARKER = "const UNIT_DATA = "


def run(log, cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with open(log, "a") as out:
        status = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT).returncode
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{wall:.2f},{cpu:.2f}")
    return status


def main():
    if sys.argv[1] == "--run":
        return run(sys.argv[2], sys.argv[3:])
    with open(sys.argv[1], encoding="utf-8") as fh:
        html = fh.read()
    start = html.index(MARKER) + len(MARKER)
    units, _ = json.JSONDecoder().raw_decode(html, start)
    units.sort(key=lambda u: -u["duration"])
    for u in units:
        target = f" {u['target'].strip()}" if u.get("target", "").strip() else ""
        mode = " (build script run)" if u.get("mode") == "run-custom-build" else ""
        print(f"{u['duration']:7.2f}s  {u['name']} {u['version']}{target}{mode}")
    print(f"{sum(u['duration'] for u in units):7.2f}s  sum over {len(units)} units")


if __name__ == "__main__":
    sys.exit(main())
