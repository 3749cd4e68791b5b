import collections.abc
import typing

__all__ = ["Counter"]

@typing.final
class Counter:
    """Counts the calls of the function it decorates."""
    def __new__(cls, wraps: collections.abc.Callable[..., typing.Any]) -> Counter: ...
    def __call__(self, *args: typing.Any, **kwargs: typing.Any) -> typing.Any: ...
    @property
    def __name__(self) -> typing.Any:
        """The wrapped function's `__name__`, so the wrapper reads like the function."""
    @property
    def count(self) -> int:
        """How many times the wrapper has been called."""
