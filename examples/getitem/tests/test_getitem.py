import pytest

from getitem import IntVector

DATA = [3, 1, 4, 1, 5, 9, 2, 6]


def test_int_index_like_list():
    v = IntVector(DATA)
    for i in range(-len(DATA), len(DATA)):
        assert v[i] == DATA[i]
    assert len(v) == len(DATA)


@pytest.mark.parametrize("i", [len(DATA), -len(DATA) - 1, 2**40])
def test_index_out_of_range(i):
    with pytest.raises(IndexError, match="IntVector index out of range"):
        IntVector(DATA)[i]


@pytest.mark.parametrize(
    "s",
    [slice(None), slice(2, 5), slice(None, None, -1), slice(1, None, 3), slice(-3, -1),
     slice(10, 20), slice(5, 1, -2), slice(None, None, 2)],
)
def test_slices_like_list(s):
    v = IntVector(DATA)
    got = v[s]
    assert isinstance(got, IntVector)
    assert got.to_list() == DATA[s]


def test_zero_step_slice_is_value_error():
    with pytest.raises(ValueError, match="slice step cannot be zero"):
        IntVector(DATA)[::0]


def test_bad_key_type():
    with pytest.raises(TypeError, match="IntVector indices must be integers or slices, not str"):
        IntVector(DATA)["a"]


def test_index_objects_are_accepted():
    class Idx:
        def __index__(self):
            return 2

    assert IntVector(DATA)[Idx()] == DATA[2]


def test_setitem_and_delitem():
    v, ref = IntVector(DATA), list(DATA)
    v[0] = 100
    ref[0] = 100
    v[::2] = [7, 7, 7, 7]
    ref[::2] = [7, 7, 7, 7]
    assert v.to_list() == ref
    with pytest.raises(ValueError, match="attempt to assign sequence of size 1 to slice of size 4"):
        v[::2] = [1]
    del v[1]
    del ref[1]
    del v[::3]
    del ref[::3]
    assert v.to_list() == ref
    with pytest.raises(TypeError):
        v[0] = "x"


def test_iteration_falls_back_to_getitem():
    # No __iter__: Python iterates through __getitem__ until IndexError.
    assert list(IntVector(DATA)) == DATA
    assert 9 in IntVector(DATA)
    assert list(reversed(IntVector(DATA))) == DATA[::-1]
