import copy
import pickle

import pytest

import pyo3_pytests as m
from conftest import check_arg_error


def test_class_basics():
    c = m.Counter()
    assert (c.count, c.increment(), c.increment(), c.count) == (0, 1, 2, 2)
    c.count = 40
    assert c.increment() == 41
    assert repr(c) == "Counter(41)"
    assert m.Counter(start=7).count == 7
    # Not a TypeError: the converter's OverflowError is raised as it is.
    with pytest.raises(OverflowError) as e:
        m.Counter(-1)
    assert str(e.value) == "can't convert negative int to unsigned"
    assert not hasattr(e.value, "__notes__")
    with pytest.raises(AttributeError) as e:
        del c.count
    assert str(e.value) == "property has no deleter"


def test_rust_subclass():
    s = m.StepCounter(5, start=1)
    assert isinstance(s, m.Counter)
    assert (s.step, s.increment(), s.increment(), s.count) == (5, 6, 11, 11)
    # The base class's method, called through the base class, still counts by one.
    assert m.Counter.increment(s) == 12
    assert repr(s) == "StepCounter(12)"


def test_python_subclass():
    class Doubling(m.Counter):
        def __init__(self, start):
            super().__init__()
            self.history = []

        def increment(self):
            self.history.append(self.count)
            super().increment()
            return super().increment()

    d = Doubling(3)
    assert (d.count, d.increment(), d.increment(), d.history) == (3, 5, 7, [3, 5])
    assert repr(d) == "test_python_subclass.<locals>.Doubling(7)"
    assert isinstance(d, m.Counter)


def test_final_classes_refuse_subclassing():
    with pytest.raises(TypeError) as e:

        class Sub(m.Point):
            pass

    assert str(e.value) == "type 'pyo3_pytests.Point' is not an acceptable base type"


def test_pickle_and_copy():
    p = m.Point(1.5, -2.0)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        q = pickle.loads(pickle.dumps(p, protocol))
        assert type(q) is m.Point and q == p and q is not p
    assert copy.copy(p) == p and copy.deepcopy(p) == p
    assert repr(pickle.loads(pickle.dumps([p, p]))) == "[Point(1.5, -2.0), Point(1.5, -2.0)]"


def test_unpicklable_without_reduce():
    with pytest.raises(TypeError) as e:
        pickle.dumps(m.Counter(1))
    assert str(e.value) == "cannot pickle 'pyo3_pytests.Counter' object"


def test_enums():
    assert m.Color.Red == m.Color.Red and m.Color.Red != m.Color.Green
    assert int(m.Color.Blue) == 10 and m.Color.Red == 0
    assert m.Color.Green.next() == m.Color.Blue
    assert m.Color.Blue.next() == m.Color.Red
    assert repr(m.Color.Green) == "Color.Green"
    assert m.area(m.Shape.Rectangle(width=2.0, height=3.0)) == 6.0
    assert m.area(m.Shape.Circle(radius=1.0)) == pytest.approx(3.141592653589793)
    circle = m.Shape.Circle(radius=2.0)
    assert isinstance(circle, m.Shape) and circle.radius == 2.0
    with pytest.raises(TypeError) as e:
        m.area(m.Color.Red)
    check_arg_error(e, "'Color' object is not an instance of 'Shape'", "shape")
