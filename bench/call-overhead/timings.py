"""Per-crate compile times of a `cargo build --timings` report, longest first.

    python timings.py TARGET_DIR/cargo-timings/cargo-timing.html

Reads the report's `UNIT_DATA` (one entry per compiled unit: a crate's library, its build
script run, ...) and prints each unit's duration in seconds and the sum. Units run in
parallel with `CARGO_BUILD_JOBS` > 1, so the sum exceeds the wall time.
"""

import json
import sys

MARKER = "const UNIT_DATA = "


def main():
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
    main()
