"""Each Rust function against its pure-Python twin (tests/pure.py).

`pytest --benchmark-disable` (CI) runs every case once as a plain test: the results must agree.
`nox -s bench-pytests` times them.
"""

import pytest

import pure
import pyo3_pytests as m

TEXT = "the quick brown fox jumps over the lazy dog " * 200
INTS = list(range(10_000))

CASES = [
    ("noop", ()),
    ("sum_ints", (INTS,)),
    ("count_words", (TEXT,)),
    ("count_primes", (20_000,)),
    ("fibonacci", (90,)),
]


@pytest.mark.parametrize("impl", ["rust", "python"])
@pytest.mark.parametrize("name,args", CASES, ids=[c[0] for c in CASES])
def test_bench(benchmark, impl, name, args):
    benchmark.group = name
    func = getattr(m if impl == "rust" else pure, name)
    result = benchmark(func, *args)
    assert result == getattr(pure, name)(*args)
