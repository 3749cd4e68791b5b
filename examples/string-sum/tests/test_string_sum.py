"""Behaviour of the raw pyo3-ffi extension module, checked from Python."""

import importlib
import inspect
import sys

import pytest

from string_sum import sum_as_string


def extension_module():
    """The extension module itself: `maturin develop` wraps it in a package of the same name."""
    module = importlib.import_module("string_sum")
    inner = getattr(module, "string_sum", None)
    return inner if inspect.ismodule(inner) else module


def test_adds_small_numbers():
    assert sum_as_string(1, 2) == "3"
    assert sum_as_string(-7, 3) == "-4"
    assert sum_as_string(0, 0) == "0"


def test_accepts_the_i32_extremes():
    assert sum_as_string(2**31 - 1, 0) == str(2**31 - 1)
    assert sum_as_string(-(2**31), 0) == str(-(2**31))
    assert sum_as_string(2**31 - 1, -(2**31)) == "-1"


def test_bool_is_an_int_subclass():
    assert sum_as_string(True, True) == "2"


def test_int_subclass_is_accepted():
    class MyInt(int):
        pass

    assert sum_as_string(MyInt(40), 2) == "42"


def test_sum_overflow_raises_overflow_error():
    with pytest.raises(OverflowError, match="arguments too large to add"):
        sum_as_string(2**31 - 1, 1)
    with pytest.raises(OverflowError, match="arguments too large to add"):
        sum_as_string(-(2**31), -1)


def test_argument_out_of_i32_range():
    with pytest.raises(OverflowError, match="signed integer is greater than maximum"):
        sum_as_string(2**31, 0)
    with pytest.raises(OverflowError, match="signed integer is less than minimum"):
        sum_as_string(0, -(2**31) - 1)


def test_argument_out_of_c_long_range():
    with pytest.raises(OverflowError, match="too large to convert to C long"):
        sum_as_string(2**100, 0)


@pytest.mark.parametrize(
    "args, position, type_name",
    [(("1", 2), 1, "str"), ((1, 2.0), 2, "float"), ((None, 1), 1, "NoneType"), ((1, [1]), 2, "list")],
)
def test_wrong_type_raises_type_error(args, position, type_name):
    with pytest.raises(TypeError) as info:
        sum_as_string(*args)
    assert str(info.value) == f"sum_as_string() argument {position} must be int, not {type_name}"


@pytest.mark.parametrize("args", [(), (1,), (1, 2, 3)])
def test_wrong_argument_count(args):
    with pytest.raises(TypeError) as info:
        sum_as_string(*args)
    assert str(info.value) == f"sum_as_string expected 2 arguments, got {len(args)}"


def test_keywords_are_rejected():
    with pytest.raises(TypeError, match="takes no keyword arguments"):
        sum_as_string(a=1, b=2)


def test_metadata():
    ext = extension_module()
    assert ext.__name__.split(".")[-1] == "string_sum"
    assert ext.__version__ == "0.1.0"
    assert "pyo3-ffi" in ext.__doc__
    assert sum_as_string.__name__ == "sum_as_string"
    assert str(inspect.signature(sum_as_string)) == "(a, b, /)"


@pytest.mark.skipif(
    not hasattr(sys, "getrefcount"), reason="PyPy has no reference counts to observe"
)
def test_no_reference_leak_on_success_and_error():
    # The result is a fresh string; the arguments must not gain or lose references.
    a = 10**5 + 1  # not a cached small int
    before = sys.getrefcount(a)
    for _ in range(1000):
        sum_as_string(a, 1)
        with pytest.raises(TypeError):
            sum_as_string(a, "x")
    assert sys.getrefcount(a) == before


def test_module_can_be_reimported_after_removal():
    # Multi-phase initialisation: a fresh import builds a new module object and runs the exec
    # slot again.
    old = extension_module()
    for name in [n for n in sys.modules if n == "string_sum" or n.startswith("string_sum.")]:
        del sys.modules[name]
    new = extension_module()
    assert new is not old
    assert new.__version__ == "0.1.0"
    assert new.sum_as_string(2, 2) == "4"
