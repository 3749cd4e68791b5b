"""Sums the sizes of defined symbols per crate, from `nm -S -C --defined-only` on stdin.

A symbol is charged to the first path segment of its demangled name; `<T as Trait>::f` and
`<T>::f` are charged to `T`'s crate, as the code belongs to the type's impl. Symbols without
a path (C functions, the module's `PyInit_*`) are grouped as `(no path)`.
"""

import collections
import re
import sys

SEGMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def crate_of(name):
    name = name.lstrip("<&*")
    name = re.sub(r"^(mut |const |dyn )+", "", name)
    m = SEGMENT.match(name)
    if not m or not name[m.end():].startswith("::"):
        return "(no path)"
    return m.group(0)


def main():
    sizes = collections.Counter()
    counts = collections.Counter()
    for line in sys.stdin:
        parts = line.rstrip("\n").split(" ", 3)
        if len(parts) != 4:
            continue  # symbols without a size
        size = int(parts[1], 16)
        kind = parts[2]
        if kind.lower() not in ("t", "w"):
            continue  # code only: data and read-only data are reported by `size -A`
        crate = crate_of(parts[3])
        sizes[crate] += size
        counts[crate] += 1
    total = sum(sizes.values())
    print(f"{'bytes':>9} {'symbols':>7}  crate (code symbols only; total {total} bytes)")
    for crate, size in sizes.most_common():
        print(f"{size:9d} {counts[crate]:7d}  {crate}")


if __name__ == "__main__":
    main()
