"""Statistics: the Rust functions of ``starter._rust.stats`` plus pure-Python helpers."""

from ._rust.stats import mean, median, variance


def stdev(values):
    """Population standard deviation (pure Python, on top of the Rust `variance`)."""
    return variance(values) ** 0.5


def describe(values):
    """A summary of `values` as a dict (count, mean, median, variance, stdev, min, max)."""
    values = [float(v) for v in values]
    return {
        "count": len(values),
        "mean": mean(values),
        "median": median(values),
        "variance": variance(values),
        "stdev": stdev(values),
        "min": min(values),
        "max": max(values),
    }


__all__ = ["describe", "mean", "median", "stdev", "variance"]
