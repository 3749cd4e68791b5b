"""Rust core of the `starter` package."""

__all__ = ["ABI3", "fib", "greet", "stats", "text"]

ABI3: bool
__version__: str

from . import stats as stats
from . import text as text

def fib(n: int) -> int:
    """The `n`-th Fibonacci number (`fib(0) == 0`, `fib(1) == 1`); `OverflowError` past
    what 64 bits hold."""
def greet(name: str, punctuation: str = ...) -> str:
    """Returns a greeting for `name`."""
