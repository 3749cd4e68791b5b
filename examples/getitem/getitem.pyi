"""A sequence class indexed by integers and slices."""

import collections.abc
import typing

__all__ = ["IntVector"]

@typing.final
class IntVector:
    """A growable vector of integers."""
    def __new__(cls, items: collections.abc.Sequence[int] = ...) -> IntVector: ...
    def __delitem__(self, key: typing.Any, /) -> None:
        """`del v[i]` or `del v[a:b:c]`."""
    def __getitem__(self, key: typing.Any, /) -> typing.Any:
        """`v[i]` gives an int, `v[a:b:c]` a new `IntVector`."""
    def __len__(self) -> int: ...
    def __repr__(self) -> str: ...
    def __setitem__(self, key: typing.Any, value: typing.Any, /) -> None:
        """`v[i] = n`, or `v[a:b:c] = iterable` with as many values as the slice selects."""
    def append(self, value: int) -> None: ...
    def to_list(self) -> list[int]: ...
