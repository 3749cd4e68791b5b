"""Summary statistics of sequences of numbers."""

import collections.abc

__all__ = ["LEVEL", "mean", "median", "variance"]

LEVEL: str

def mean(values: collections.abc.Sequence[float]) -> float:
    """The arithmetic mean of `values`."""
def median(values: collections.abc.Sequence[float]) -> float:
    """The median of `values` (mean of the two middle values for an even count)."""
def variance(values: collections.abc.Sequence[float]) -> float:
    """The population variance of `values`."""
