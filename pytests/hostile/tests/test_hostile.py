"""Hostile inputs through generated code: a fixed corpus and hypothesis properties. Every
call must return the right value or raise exactly the exception PyO3 raises (type and
message); panics in any slot or method become PanicException and the interpreter goes on."""

import gc
import os
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hostile
from corpus import CORPUS, RANGE
from counter import count

PanicException = None


def panic_exception():
    """pyo3_runtime.PanicException (created on first use by the extension)."""
    global PanicException
    if PanicException is None:
        try:
            hostile.Trap("__len__").__len__()
        except BaseException as e:  # noqa: B036 - PanicException derives from BaseException
            PanicException = type(e)
    return PanicException


def outcome(fn, args, kwargs):
    try:
        return ("ok", fn(*args, **kwargs))
    except Exception as e:
        return ("raises", type(e), str(e))


def same(a, b):
    """Equality that treats NaN as equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    return a == b


@pytest.mark.parametrize("name,args,kwargs,expected", CORPUS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CORPUS)])
def test_corpus(name, args, kwargs, expected):
    count()
    got = outcome(getattr(hostile, name), args, kwargs)
    assert got[0] == expected[0], (got, expected)
    if expected[0] == "ok":
        assert same(got[1], expected[1]), (got, expected)
    else:
        assert got[1] is expected[1], (got, expected)
        assert got[2] == expected[2], (got, expected)


BOUNDS = {
    "i8": (-(2**7), 2**7 - 1),
    "u8": (0, 2**8 - 1),
    "i16": (-(2**15), 2**15 - 1),
    "u16": (0, 2**16 - 1),
    "i32": (-(2**31), 2**31 - 1),
    "u32": (0, 2**32 - 1),
    "i64": (-(2**63), 2**63 - 1),
    "u64": (0, 2**64 - 1),
    "i128": (-(2**127), 2**127 - 1),
    "u128": (0, 2**128 - 1),
    "isize": (-(2**63), 2**63 - 1),
    "usize": (0, 2**64 - 1),
}


def overflow_message(width, x):
    """The message of the OverflowError for `x` out of range of `width`."""
    if width in ("i64", "isize"):
        return "Python int too large to convert to C long"
    if width in ("u64", "usize", "u128"):
        return "can't convert negative int to unsigned" if x < 0 else "int too big to convert"
    if width == "i128":
        return "int too big to convert"
    # The narrower ones are read as a C long first, then narrowed.
    if not -(2**63) <= x < 2**63:
        return "Python int too large to convert to C long"
    return RANGE


@settings(max_examples=300, deadline=None)
@given(width=st.sampled_from(sorted(BOUNDS)), x=st.integers(min_value=-(2**140), max_value=2**140))
def test_ints_of_every_width(width, x):
    count()
    lo, hi = BOUNDS[width]
    got = outcome(getattr(hostile, f"echo_{width}"), (x,), {})
    if lo <= x <= hi:
        assert got == ("ok", x)
    else:
        assert got == ("raises", OverflowError, overflow_message(width, x)), (width, x, got)


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
def test_floats(x):
    count()
    assert same(hostile.echo_f64(x), x)
    # f32: the value rounded to single precision (overflowing to +-inf).
    try:
        expected = struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        expected = float("inf") if x > 0 else float("-inf")
    assert same(hostile.echo_f32(x), expected)


# Any code point, surrogates included.
ANY_TEXT = st.lists(st.integers(0, 0x10FFFF), max_size=20).map(lambda cps: "".join(map(chr, cps)))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_text_with_surrogates(s):
    count()
    try:
        s.encode("utf-8")
        expected = ("ok", s)
    except UnicodeEncodeError as e:
        expected = ("raises", UnicodeEncodeError, str(e))
    for fn in (hostile.echo_str, hostile.echo_string, hostile.echo_cow):
        assert outcome(fn, (s,), {}) == expected
    # char: the string is encoded first (surrogates fail as above), then its length checked.
    char = outcome(hostile.echo_char, (s,), {})
    if expected[0] == "raises":
        assert char == expected
    elif len(s) == 1:
        assert char == ("ok", s)
    else:
        assert char == ("raises", ValueError, "expected a string of length 1")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64))
def test_bytes(b):
    count()
    assert hostile.bytes_len(b) == len(b)
    assert hostile.bytes_object(b) == len(b)
    assert bytes(hostile.bytearray_copy(bytearray(b))) == b


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=-(2**70), max_value=2**70), max_size=8))
def test_sequences(xs):
    count()
    in_range = all(-(2**63) <= x < 2**63 for x in xs)
    for seq in (xs, tuple(xs)):
        got = outcome(hostile.vec_sum, (seq,), {})
        if in_range:
            total = sum(xs)
            wrapped = (total + 2**63) % 2**64 - 2**63
            assert got == ("ok", wrapped)
        else:
            assert got == ("raises", OverflowError, "Python int too large to convert to C long")


TEXT = st.text(max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(TEXT, st.integers(min_value=-(2**63), max_value=2**63 - 1), max_size=6))
def test_mappings(d):
    count()
    assert hostile.map_items(d) == dict(sorted(d.items()))


ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    TEXT,
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=4),
    st.tuples(st.integers(), TEXT),
    st.dictionaries(TEXT, st.integers(), max_size=3),
    st.sets(st.integers(), max_size=3),
)


@settings(max_examples=400, deadline=None)
@given(name=st.sampled_from(sorted(n for n in dir(hostile) if n.startswith(("echo_", "vec_", "array", "tuple", "map_", "set_", "option_")))), x=ANYTHING)
def test_anything_to_anything(name, x):
    """Whatever the argument, the call returns or raises an ordinary exception."""
    count()
    got = outcome(getattr(hostile, name), (x,), {})
    assert got[0] == "ok" or issubclass(got[1], (TypeError, ValueError, OverflowError, UnicodeError)), got


SLOTS = {
    "__new__": lambda: hostile.Trap("__new__"),
    "__repr__": lambda: repr(hostile.Trap("__repr__")),
    "__str__": lambda: str(hostile.Trap("__str__")),
    "__hash__": lambda: hash(hostile.Trap("__hash__")),
    "__eq__": lambda: hostile.Trap("__eq__") == 1,
    "__len__": lambda: len(hostile.Trap("__len__")),
    "__getitem__": lambda: hostile.Trap("__getitem__")[0],
    "__setitem__": lambda: hostile.Trap("__setitem__").__setitem__(0, 1),
    "__delitem__": lambda: hostile.Trap("__delitem__").__delitem__(0),
    "__contains__": lambda: 1 in hostile.Trap("__contains__"),
    "__iter__": lambda: iter(hostile.Trap("__iter__")),
    "__next__": lambda: list(hostile.Trap("__next__")),
    "__call__": lambda: hostile.Trap("__call__")(1, 2),
    "__bool__": lambda: bool(hostile.Trap("__bool__")),
    "__add__": lambda: hostile.Trap("__add__") + 1,
    "getter": lambda: hostile.Trap("getter").value,
    "setter": lambda: setattr(hostile.Trap("setter"), "value", 1),
    "method": lambda: hostile.Trap("method").method(1),
    "staticmethod": lambda: hostile.Trap.static_method(True),
    "classmethod": lambda: hostile.Trap.class_method(True),
}


@pytest.mark.parametrize("slot", sorted(SLOTS))
def test_panic_in_every_slot_becomes_panic_exception(slot):
    count()
    with pytest.raises(BaseException) as info:
        SLOTS[slot]()
    assert type(info.value) is panic_exception()
    assert type(info.value).__name__ == "PanicException"
    assert str(info.value) == f"panic in {slot}"
    # The interpreter (and the class) go on working.
    t = hostile.Trap()
    assert (repr(t), len(t), list(t), t[1], t + 1, t(1, 2, 3)) == ("Trap()", 3, [1, 2, 3], 2, 7, 3)


def test_slots_without_panics():
    count()
    t = hostile.Trap()
    assert (str(t), hash(t), t == hostile.Trap(), 2 in t, bool(t)) == ("trap", 7, True, True, True)
    t[0] = 10
    del t[1]
    assert list(t) == [10, 3]
    with pytest.raises(IndexError, match="^Trap index out of range$"):
        t[5]
    t.value = 4
    assert (t.value, t.method(5), hostile.Trap.static_method(False), hostile.Trap.class_method(False)) == (4, 5, False, "Trap")
    with pytest.raises(AttributeError) as info:
        del t.value
    assert str(info.value) == "property has no deleter"
    with pytest.raises(TypeError) as info:
        t["a"]
    assert str(info.value) == "'str' object cannot be interpreted as an integer"


def test_reentrancy_while_borrowed():
    count(5)
    r = hostile.Reentrant()
    # A callback that needs `&mut self` while `self` is mutably borrowed.
    with pytest.raises(RuntimeError) as info:
        r.with_callback(lambda: r.bump())
    assert type(info.value) is RuntimeError and str(info.value) == "Already borrowed"
    # ... or while it is borrowed shared.
    with pytest.raises(RuntimeError) as info:
        r.read_with_callback(lambda: r.bump())
    assert str(info.value) == "Already borrowed"
    # Reading while mutably borrowed.
    with pytest.raises(RuntimeError) as info:
        r.with_callback(lambda: r.count)
    assert str(info.value) == "Already mutably borrowed"
    # Shared inside shared is fine; every borrow was released after the errors.
    assert r.read_with_callback(lambda: r.count) == 200
    assert r.bump() == 201
    # Deleting the last outside reference during a call: the call keeps the object alive.
    holder = [hostile.Reentrant()]
    assert holder[0].with_callback(lambda: holder.clear()) == 100
    assert holder == []
    gc.collect()


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs Linux /proc")
def test_error_paths_do_not_leak():
    """Every corpus case and every slot panic, many times over: memory stays flat."""

    def one_round():
        for name, args, kwargs, _ in CORPUS:
            outcome(getattr(hostile, name), args, kwargs)
        for call in SLOTS.values():
            try:
                call()
            except BaseException:  # noqa: B036
                pass

    for _ in range(50):
        one_round()
    gc.collect()
    before = rss()
    rounds = 500
    for _ in range(rounds):
        one_round()
    gc.collect()
    count(rounds * (len(CORPUS) + len(SLOTS)))
    grown = rss() - before
    assert grown < 8 * 1024 * 1024, f"RSS grew by {grown} bytes"
