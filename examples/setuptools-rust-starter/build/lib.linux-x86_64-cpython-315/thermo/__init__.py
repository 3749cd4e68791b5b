"""Temperatures: the pure-Python half of the package, over the Rust extension `thermo._native`."""

from thermo._native import Reading, TemperatureError, to_fahrenheit

__all__ = ["Reading", "TemperatureError", "to_fahrenheit", "warmest"]


def warmest(readings):
    """The reading with the highest temperature (pure Python, using the Rust class)."""
    return max(readings, key=lambda r: r.celsius)
