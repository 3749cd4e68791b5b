"""Statistics: the Rust functions of ``starter._rust.stats`` plus pure-Python helpers."""

import math
from collections.abc import Iterable, Sequence

from ._rust.stats import mean, median, variance


def stdev(values: Sequence[float]) -> float:
    """Population standard deviation (pure Python, on top of the Rust `variance`)."""
    return math.sqrt(variance(values))


def describe(values: Iterable[float]) -> dict[str, float]:
    """A summary of `values` as a dict (count, mean, median, variance, stdev, min, max)."""
    floats = [float(v) for v in values]
    return {
        "count": len(floats),
        "mean": mean(floats),
        "median": median(floats),
        "variance": variance(floats),
        "stdev": stdev(floats),
        "min": min(floats),
        "max": max(floats),
    }


__all__ = ["describe", "mean", "median", "stdev", "variance"]
