"""The module: `import getting_started`."""

import typing

__all__ = ["Basket", "OutOfStock", "word_counts"]

@typing.final
class Basket:
    """A basket of named items with counts."""
    def __new__(cls, owner: str) -> Basket: ...
    def __len__(self) -> int:
        """The number of items of all kinds."""
    def __repr__(self) -> str: ...
    def add(self, item: str, count: int = 1) -> None:
        """Adds `count` of `item` (a positive number)."""
    def contents(self) -> list[tuple[str, int]]:
        """The items, sorted by name, as a list of `(name, count)` tuples."""
    @property
    def owner(self) -> str:
        """Who the basket belongs to (read-only)."""
    def take(self, item: str, count: int = 1) -> int:
        """Takes `count` of `item` out; `OutOfStock` when there are fewer."""

class OutOfStock(Exception):
    """Raised when a basket holds fewer items than asked for."""

def word_counts(text: str, *, lowercase: bool = True) -> dict[str, int]:
    """Counts the words of `text` (split on whitespace). With `lowercase=True` (the default),
    `"The"` and `"the"` count as one word."""
