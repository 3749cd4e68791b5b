"""Temperatures: the pure-Python half of the package, over the Rust extension `thermo._native`."""

from collections.abc import Iterable

from thermo._native import Reading, TemperatureError, to_fahrenheit

__all__ = ["Reading", "TemperatureError", "to_fahrenheit", "warmest"]


def warmest(readings: Iterable[Reading]) -> Reading:
    """The reading with the highest temperature (pure Python, using the Rust class)."""
    return max(readings, key=lambda r: r.celsius)
