import gc
import weakref

import pytest

from decorator import Counter


def test_counts_calls_and_passes_arguments():
    @Counter
    def join(*args, sep="-", **kwargs):
        return sep.join(map(str, args)) + "".join(f";{k}={v}" for k, v in sorted(kwargs.items()))

    assert join.count == 0
    assert join(1, 2, 3) == "1-2-3"
    assert join("a", sep="+", z=1, y=2) == "a;y=2;z=1"
    assert join() == ""
    assert join.count == 3
    assert join.__name__ == "join"


def test_recursion_through_the_wrapper():
    @Counter
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)

    assert fib(15) == 610
    assert fib.count == 1973  # calls of the naive recursion for n = 15


def test_exceptions_propagate_and_still_count():
    @Counter
    def boom(x):
        raise KeyError(x)

    with pytest.raises(KeyError, match="'k'"):
        boom("k")
    assert boom.count == 1


def test_bad_call_of_wrapped_function_is_type_error():
    @Counter
    def one(a):
        return a

    with pytest.raises(TypeError):
        one(1, 2)
    assert one.count == 1


def test_not_callable_target_fails_at_call():
    c = Counter(42)
    with pytest.raises(TypeError, match="'int' object is not callable"):
        c()


def test_wrapper_releases_function():
    def f():
        return 1

    ref = weakref.ref(f)
    c = Counter(f)
    del f
    assert ref() is not None
    del c
    # CPython frees both at once; PyPy's collector may need a few rounds for objects that
    # went through its C-API emulation.
    for _ in range(10):
        if ref() is None:
            break
        gc.collect()
    assert ref() is None


def test_count_is_read_only():
    c = Counter(len)
    with pytest.raises(AttributeError):
        c.count = 3
