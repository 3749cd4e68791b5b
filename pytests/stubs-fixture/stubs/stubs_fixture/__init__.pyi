import collections.abc
import typing
import typing_extensions

__all__ = ["BUILD", "Color", "FixtureError", "LIMIT", "Point", "Shape", "geometry", "kinds", "scaled"]

BUILD: str
LIMIT: int
__version__: str

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
    def __getitem__(self, index: int, /) -> int:
        """A slot with an argument: positional-only in the stub, as its slot wrapper takes it."""
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

@typing_extensions.disjoint_base
class Shape:
    """An enum with data: a subclass per variant."""
    @typing.final
    class Circle(Shape):
        __match_args__ = ("radius",)
        @property
        def radius(self) -> float: ...
        def __new__(cls, radius: float) -> Shape.Circle: ...
    @typing.final
    class Rect(Shape):
        __match_args__ = ("_0", "_1")
        @property
        def _0(self) -> float: ...
        @property
        def _1(self) -> float: ...
        def __new__(cls, _0: float, _1: float) -> Shape.Rect: ...

def kinds(a: int, b: int = 2, /, c: str = "x", *args: typing.Any, d: float, e: collections.abc.Sequence[str] | None = None, **kwargs: typing.Any) -> tuple[int, int]:
    """All parameter kinds."""
def scaled(values: list[int], *, scale: float | None = None) -> list[float]:
    """Annotations given in the signature instead of derived from the Rust types."""
