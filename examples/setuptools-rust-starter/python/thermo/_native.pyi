import collections.abc
import typing

__all__ = ["Reading", "TemperatureError", "to_fahrenheit"]

@typing.final
class Reading:
    """A temperature read at a named place."""
    @property
    def place(self) -> str: ...
    @property
    def celsius(self) -> float: ...
    def __new__(cls, place: str, celsius: float) -> Reading: ...
    def __repr__(self) -> str: ...
    @property
    def fahrenheit(self) -> float: ...

class TemperatureError(ValueError):
    """A temperature below absolute zero."""

def to_fahrenheit(celsius: collections.abc.Sequence[float]) -> list[float]:
    """Converts each temperature of `celsius` (a sequence of numbers) to degrees Fahrenheit."""
