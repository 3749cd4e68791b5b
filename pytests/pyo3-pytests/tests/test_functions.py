import pytest

import pyo3_pytests as m
from conftest import check_arg_error


def test_defaults_args_kwargs():
    assert m.describe_args(1) == "a=1 b=10 args=0 c=- kwargs=[]"
    assert m.describe_args(1, 2, 3, 4) == "a=1 b=2 args=2 c=- kwargs=[]"
    assert m.describe_args(1, c="x", z=1, y=2) == "a=1 b=10 args=0 c=x kwargs=[y,z]"
    assert m.describe_args(a=5, b=6) == "a=5 b=6 args=0 c=- kwargs=[]"


def test_signature_errors():
    with pytest.raises(TypeError) as e:
        m.describe_args()
    assert str(e.value) == "describe_args() missing 1 required positional argument: 'a'"
    with pytest.raises(TypeError) as e:
        m.describe_args(1, a=2)
    assert str(e.value) == "describe_args() got multiple values for argument 'a'"
    with pytest.raises(TypeError) as e:
        m.describe_args("one")
    check_arg_error(e, "'str' object cannot be interpreted as an integer", "a")


def test_positional_only_and_keyword_only():
    assert m.scaled(2.0) == 2.0
    assert m.scaled(2.0, scale=3.0) == 6.0
    with pytest.raises(TypeError) as e:
        m.scaled(x=2.0)
    assert str(e.value) == (
        "scaled() got some positional-only arguments passed as keyword arguments: 'x'"
    )
    with pytest.raises(TypeError) as e:
        m.scaled(2.0, 3.0)
    assert str(e.value) == "scaled() takes 1 positional arguments but 2 were given"


def test_text_signature():
    assert m.describe_args.__text_signature__ == "(a, b=10, *args, c=None, **kwargs)"
    assert m.scaled.__text_signature__ == "(x, /, *, scale=1.0)"


def test_callbacks():
    assert m.apply(lambda v: v * 2, [1, "a", (3,)]) == [2, "aa", (3, 3)]
    with pytest.raises(ZeroDivisionError) as e:
        m.apply(lambda v: 1 / v, [1, 0])
    assert str(e.value) == "division by zero"
