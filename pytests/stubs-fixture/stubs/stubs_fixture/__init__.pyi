import collections.abc
import typing
import typing_extensions

__all__ = ["Color", "FixtureError", "LIMIT", "Point", "geometry", "kinds"]

LIMIT: int

from . import geometry as geometry

@typing.final
class Color:
    """A simple enum."""
    Red: typing.ClassVar[Color]
    Green: typing.ClassVar[Color]

class FixtureError(ValueError):
    ...

@typing_extensions.disjoint_base
class Point:
    """A class with every kind of member."""
    x: int
    @property
    def y(self) -> int: ...
    def __new__(cls, x: int, y: int = 0) -> Point: ...
    DIMENSIONS: typing.ClassVar[int]
    def __len__(self) -> int: ...
    @property
    def label(self) -> str: ...
    @label.setter
    def label(self, value: str) -> None: ...
    def moved(self, dx: int, dy: int) -> Point: ...
    @classmethod
    def name(cls) -> str: ...
    @property
    def norm(self) -> float: ...
    @staticmethod
    def origin() -> Point:
        """The origin."""

def kinds(a: int, b: int = 2, /, c: str = "x", *args: typing.Any, d: float, e: collections.abc.Sequence[str] | None = None, **kwargs: typing.Any) -> tuple[int, int]:
    """All parameter kinds."""
