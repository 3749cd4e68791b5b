"""A small benchmark: the Rust functions against the pure-Python reference.

It checks that every implementation gives the same answer and prints the timings (run
`pytest -s tests/test_benchmark.py` to see them). No speed is asserted: timings on a shared
machine are too noisy for that.
"""

import time

import reference
import word_count

LINE = "It was the best of times, it was the worst of times; it was the age of wisdom.\n"
TEXT = LINE * 50_000  # about 4 MB
NEEDLE = "times"
EXPECTED = 100_000


def best_of(func, *args, repeat=3):
    """(smallest wall time in seconds, result) over `repeat` runs."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args)
        best = min(best, time.perf_counter() - start)
    return best, result


def test_benchmark_search():
    timings = {}
    for name, func in [
        ("pure python", reference.search),
        ("search_sequential", word_count.search_sequential),
        ("search_sequential_detached", word_count.search_sequential_detached),
        ("search (parallel)", word_count.search),
    ]:
        seconds, count = best_of(func, TEXT, NEEDLE)
        assert count == EXPECTED, name
        timings[name] = seconds
    base = timings["pure python"]
    print()
    for name, seconds in timings.items():
        print(f"{name:>28}: {seconds * 1000:8.2f} ms  ({base / seconds:5.1f}x pure python)")


def test_benchmark_count_words():
    python_seconds, python_count = best_of(reference.count_words, TEXT)
    rust_seconds, rust_count = best_of(word_count.count_words, TEXT)
    assert rust_count == python_count == 18 * 50_000
    print(f"\ncount_words: pure python {python_seconds * 1000:.2f} ms, "
          f"rust {rust_seconds * 1000:.2f} ms")
