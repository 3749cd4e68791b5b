"""The starter package: its pure-Python part, its Rust submodule, and the import paths."""

import importlib
import inspect
import math
import os
import sys

import pytest


def test_top_level_package():
    import starter

    assert starter.greet("Ferris") == "Hello, Ferris!"
    assert starter.greet("Ferris", "?") == "Hello, Ferris?"
    assert starter.greet(name="you", punctuation=".") == "Hello, you."
    assert starter.fib(0) == 0
    assert starter.fib(1) == 1
    assert starter.fib(90) == 2880067194370816120
    assert starter.fib_sequence(8) == [0, 1, 1, 2, 3, 5, 8, 13]
    assert starter.__version__ == "0.1.0"
    assert isinstance(starter.ABI3, bool)
    assert sorted(starter.__all__) == sorted(
        ["ABI3", "fib", "fib_sequence", "greet", "stats", "text", "__version__"]
    )


def test_package_layout():
    import starter

    # The pure-Python package comes from python/starter, the extension module sits inside it.
    assert starter.__file__.endswith("__init__.py")
    assert hasattr(starter, "__path__")
    rust = importlib.import_module("starter._rust")
    assert rust.__name__ == "starter._rust"
    assert inspect.ismodule(rust)
    assert rust.__doc__ == "Rust core of the `starter` package."
    assert not rust.__file__.endswith(".py")


def test_import_pure_python_submodules():
    import starter.stats
    import starter.text
    from starter import stats, text

    assert stats is starter.stats and text is starter.text
    assert stats.__file__.endswith("stats.py")
    assert sys.modules["starter.stats"] is stats


def test_import_rust_submodules():
    import starter._rust.stats
    import starter._rust.text
    from starter._rust import stats as rust_stats

    assert starter._rust.stats is rust_stats
    assert rust_stats.__name__ == "starter._rust.stats"
    assert starter._rust.text.__name__ == "starter._rust.text"
    assert sys.modules["starter._rust.stats"] is rust_stats
    assert rust_stats.__doc__ == "Summary statistics of sequences of numbers."
    assert rust_stats.LEVEL == "stats"
    # The pure-Python module re-exports the Rust functions themselves.
    assert starter.stats.mean is rust_stats.mean
    assert rust_stats.mean.__module__ == "starter._rust.stats"


def test_from_imports():
    from starter._rust.text import reverse_words
    from starter.stats import describe, mean
    from starter.text import palindromes

    assert mean([1, 2, 3, 4]) == 2.5
    assert reverse_words("one two  three") == "three two one"
    assert palindromes(["level", "rust", "A man, a plan, a canal: Panama"]) == [
        "level",
        "A man, a plan, a canal: Panama",
    ]
    assert describe([2, 4, 4, 4, 5, 5, 7, 9]) == {
        "count": 8,
        "mean": 5.0,
        "median": 4.5,
        "variance": 4.0,
        "stdev": 2.0,
        "min": 2.0,
        "max": 9.0,
    }


def test_stats_values_and_errors():
    from starter import stats

    assert stats.median([3, 1, 2]) == 2.0
    assert stats.median((1.5, 0.5)) == 1.0
    assert stats.variance([1.0]) == 0.0
    assert math.isclose(stats.stdev([1, 2, 3, 4]), math.sqrt(1.25))
    with pytest.raises(ValueError, match=r"mean\(\) requires at least one value"):
        stats.mean([])
    with pytest.raises(ValueError, match="NaN"):
        stats.median([1.0, float("nan")])
    with pytest.raises(TypeError):
        stats.mean("1234")  # a str is not extracted as a sequence of numbers
    with pytest.raises(TypeError):
        stats.mean([1, "2"])


def test_rust_errors():
    import starter

    with pytest.raises(OverflowError, match="does not fit in 64 bits"):
        starter.fib(100)
    with pytest.raises(OverflowError):
        starter.fib(-1)
    with pytest.raises(TypeError):
        starter.greet(42)
    with pytest.raises(TypeError):
        starter.greet()


def test_text():
    from starter import text

    assert text.title_reversed("hello big world") == "World Big Hello"
    assert text.is_palindrome("Was it a car or a cat I saw?")
    assert not text.is_palindrome("starter")
    assert text.reverse_words("") == ""


def test_reload_pure_python_part():
    import starter.text

    reloaded = importlib.reload(starter.text)
    assert reloaded.reverse_words("a b") == "b a"


def test_build_kind():
    """Under scripts/test-examples-abi3.sh (EXPECT_ABI3=1) the stable-ABI wheel is the one
    imported; otherwise the extension is built for this exact Python version."""
    import starter
    import starter._rust

    if os.environ.get("EXPECT_ABI3"):
        assert starter.ABI3 is True
        assert starter._rust.__file__.endswith(".abi3.so"), starter._rust.__file__
    else:
        assert starter.ABI3 is False
        assert not starter._rust.__file__.endswith(".abi3.so"), starter._rust.__file__
