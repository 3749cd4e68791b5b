import os
import pathlib

import pytest

import pyo3_pytests as m
from conftest import check_arg_error


def test_collections():
    assert m.invert({"a": 2, "b": 1}) == {1: "b", 2: "a"}
    assert list(m.invert({"x": 3, "y": -1, "z": 0})) == [-1, 0, 3]
    assert m.swap((1, "one")) == ("one", 1)
    assert m.distinct_sorted({3, 1, 2}) == [1, 2, 3]
    assert m.distinct_sorted(frozenset([5, 5, 4])) == [4, 5]
    with pytest.raises(TypeError) as e:
        m.invert({"a": "b"})
    check_arg_error(e, "'str' object cannot be interpreted as an integer", "map")
    with pytest.raises(TypeError) as e:
        m.swap((1, 2))
    check_arg_error(e, "'int' object is not an instance of 'str'", "pair")


def test_option():
    assert m.halve(3.0) == 1.5
    assert m.halve(None) is None
    assert m.halve(1) == 0.5


def test_paths():
    assert m.with_suffix("a/b.txt", "md") == pathlib.Path("a/b.md")
    assert m.with_suffix(pathlib.Path("c.tar"), "gz") == pathlib.Path("c.gz")

    class Custom(os.PathLike):
        def __fspath__(self):
            return "x/y/z"

    assert m.parent(Custom()) == pathlib.Path("x/y")
    assert m.parent("/") is None
    assert isinstance(m.parent("a/b"), pathlib.Path)


def test_derived_from_and_into():
    order = {"item": "tea", "quantity": 3, "unit price": 2.5}
    assert m.invoice(order) == {"item": "tea", "total": 7.5}
    with pytest.raises(KeyError) as e:
        m.invoice({"item": "tea", "quantity": 3})
    assert e.value.args == ("unit price",)


def test_derived_enum_tries_variants_in_order():
    assert m.classify(3) == "int 3"
    assert m.classify(2.5) == "float 2.5"
    assert m.classify("x") == "text x"
    with pytest.raises(TypeError):
        m.classify([])
