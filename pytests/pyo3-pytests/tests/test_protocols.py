import collections.abc

import pytest

import pyo3_pytests as m
from conftest import check_arg_error


def test_sequence_protocol():
    s = m.IntList([1, 2, 3])
    assert len(s) == 3 and s[0] == 1 and s[-1] == 3
    assert 2 in s and 7 not in s
    s[1] = 20
    s.append(4)
    del s[0]
    assert list(s) == [20, 3, 4]
    assert list(reversed(s)) == [4, 3, 20]
    assert sorted(s) == [3, 4, 20]
    with pytest.raises(IndexError) as e:
        s[3]
    assert str(e.value) == "IntList index out of range"
    with pytest.raises(IndexError):
        del s[-4]
    with pytest.raises(TypeError) as e:
        s["a"]
    check_arg_error(e, "'str' object cannot be interpreted as an integer", "index")


def test_iterator_is_a_snapshot():
    s = m.IntList([1, 2])
    it = iter(s)
    s.append(3)
    assert iter(it) is it
    assert list(it) == [1, 2]
    assert next(it, "done") == "done"


def test_mapping_protocol():
    r = m.Registry()
    r["b"] = 2
    r["a"] = 1
    assert len(r) == 2 and r["a"] == 1 and "b" in r and "c" not in r
    assert r.keys() == ["a", "b"]
    del r["b"]
    assert r.to_dict() == {"a": 1}
    with pytest.raises(KeyError) as e:
        r["missing"]
    assert e.value.args == ("missing",)
    with pytest.raises(KeyError):
        del r["missing"]


def test_abc_registration():
    # A `sequence`/`mapping` pyclass is not registered with collections.abc on its own;
    # registering makes isinstance work like for any C extension type.
    assert not isinstance(m.IntList(), collections.abc.Sequence)
    collections.abc.Sequence.register(m.IntList)
    assert isinstance(m.IntList(), collections.abc.Sequence)
