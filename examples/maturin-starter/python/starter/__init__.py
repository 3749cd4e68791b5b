"""starter: a Python package whose core is written in Rust.

The Rust extension module is ``starter._rust`` (with the submodules ``starter._rust.stats``
and ``starter._rust.text``); this package re-exports its functions and adds pure-Python
modules on top: :mod:`starter.stats` and :mod:`starter.text`.
"""

from ._rust import ABI3, fib, greet
from ._rust import __version__ as __version__
from . import stats, text


def fib_sequence(count: int) -> list[int]:
    """The first `count` Fibonacci numbers (pure Python on top of the Rust `fib`)."""
    return [fib(i) for i in range(count)]


__all__ = ["ABI3", "fib", "fib_sequence", "greet", "stats", "text", "__version__"]
