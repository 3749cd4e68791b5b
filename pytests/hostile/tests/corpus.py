"""Hostile objects and the fixed corpus: (function name, args, kwargs, outcome), where the
outcome is ("ok", value) or ("raises", exception type, exact message)."""

import collections.abc


class BadIndex:
    def __index__(self):
        raise ValueError("bad index")


class WrongIndex:
    def __index__(self):
        return "x"


class BadFloat:
    def __float__(self):
        raise ValueError("bad float")


class WrongFloat:
    def __float__(self):
        return "x"


class BadLenSeq:
    """Implements the sequence protocol (__getitem__) without being a registered
    collections.abc.Sequence, and len() raises."""

    def __len__(self):
        raise ValueError("bad len")

    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError


class LongerThanItSays(collections.abc.Sequence):
    """Claims 1 item, yields 5 (extraction follows iteration)."""

    def __len__(self):
        return 1

    def __getitem__(self, i):
        if i < 5:
            return i
        raise IndexError


class ShorterThanItSays(collections.abc.Sequence):
    """Claims 10 items, yields 2."""

    def __len__(self):
        return 10

    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError


class LyingDict(dict):
    def __len__(self):
        return 1000


class BadLenDict(dict):
    def __len__(self):
        raise ValueError("bad len")


class NotADictMapping(collections.abc.Mapping):
    def __len__(self):
        raise ValueError("mapping len")

    def __getitem__(self, k):
        return 1

    def __iter__(self):
        return iter(["a"])


class BadHash:
    def __hash__(self):
        raise ValueError("bad hash")


class BadEq:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise ValueError("bad eq")


class BadIter:
    def __len__(self):
        return 1

    def __iter__(self):
        raise ValueError("bad iter")

    def __hash__(self):
        return 1


class WrongLen:
    def __len__(self):
        return "x"


def ok(value):
    return ("ok", value)


def raises(exc, message):
    return ("raises", exc, message)


RANGE = "out of range integral type conversion attempted"
NOT_INT = "'{}' object cannot be interpreted as an integer"

CORPUS = [
    # Integers of every width, at and beyond their bounds.
    ("echo_i8", (127,), {}, ok(127)),
    ("echo_i8", (128,), {}, raises(OverflowError, RANGE)),
    ("echo_i8", (-129,), {}, raises(OverflowError, RANGE)),
    ("echo_u8", (-1,), {}, raises(OverflowError, RANGE)),
    ("echo_i32", (2**31,), {}, raises(OverflowError, RANGE)),
    ("echo_i64", (2**63,), {}, raises(OverflowError, "Python int too large to convert to C long")),
    ("echo_u64", (-1,), {}, raises(OverflowError, "can't convert negative int to unsigned")),
    ("echo_u64", (2**64,), {}, raises(OverflowError, "int too big to convert")),
    ("echo_i128", (2**127,), {}, raises(OverflowError, "int too big to convert")),
    ("echo_i128", (-(2**127),), {}, ok(-(2**127))),
    ("echo_u128", (2**128 - 1,), {}, ok(2**128 - 1)),
    ("echo_u128", (-1,), {}, raises(OverflowError, "can't convert negative int to unsigned")),
    ("echo_usize", (-1,), {}, raises(OverflowError, "can't convert negative int to unsigned")),
    ("echo_i8", (1.5,), {}, raises(TypeError, NOT_INT.format("float"))),
    ("echo_i8", ("1",), {}, raises(TypeError, NOT_INT.format("str"))),
    ("echo_i32", (True,), {}, ok(1)),
    ("echo_i32", (BadIndex(),), {}, raises(ValueError, "bad index")),
    ("echo_i128", (BadIndex(),), {}, raises(ValueError, "bad index")),
    ("echo_i32", (WrongIndex(),), {}, raises(TypeError, "__index__ returned non-int (type str)")),
    ("echo_u64", (WrongIndex(),), {}, raises(TypeError, "__index__ returned non-int (type str)")),
    # Floats.
    ("echo_f64", (float("inf"),), {}, ok(float("inf"))),
    ("echo_f32", (1e300,), {}, ok(float("inf"))),
    ("echo_f64", (BadFloat(),), {}, raises(ValueError, "bad float")),
    ("echo_f64", (WrongFloat(),), {}, raises(TypeError, "WrongFloat.__float__ returned non-float (type str)")),
    ("echo_f64", ("1.0",), {}, raises(TypeError, "must be real number, not str")),
    ("echo_f64", (10**400,), {}, raises(OverflowError, "int too large to convert to float")),
    # Strings: surrogates, wrong types, chars.
    ("echo_str", ("\ud800",), {}, raises(UnicodeEncodeError, "'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed")),
    ("echo_string", ("a\ud800",), {}, raises(UnicodeEncodeError, "'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed")),
    ("echo_cow", ("\udcff",), {}, raises(UnicodeEncodeError, "'utf-8' codec can't encode character '\\udcff' in position 0: surrogates not allowed")),
    ("echo_str", (b"x",), {}, raises(TypeError, "'bytes' object is not an instance of 'str'")),
    ("echo_char", ("ab",), {}, raises(ValueError, "expected a string of length 1")),
    ("echo_char", ("",), {}, raises(ValueError, "expected a string of length 1")),
    # Bytes-likes.
    ("bytes_len", (bytearray(b"x"),), {}, raises(TypeError, "'bytearray' object is not an instance of 'bytes'")),
    ("bytes_len", (memoryview(b"x"),), {}, raises(TypeError, "'memoryview' object is not an instance of 'bytes'")),
    ("bytes_len", ("x",), {}, raises(TypeError, "'str' object is not an instance of 'bytes'")),
    ("bytearray_copy", (b"x",), {}, raises(TypeError, "'bytes' object is not an instance of 'bytearray'")),
    ("bytes_object", (bytearray(),), {}, raises(TypeError, "'bytearray' object is not an instance of 'bytes'")),
    # Sequences that are not lists, and ones that lie.
    ("vec_sum", ("abc",), {}, raises(TypeError, "Can't extract `str` to `Vec`")),
    ("vec_sum", (range(5),), {}, ok(10)),
    ("vec_sum", ((1, 2),), {}, ok(3)),
    ("vec_sum", ((x for x in [1]),), {}, raises(TypeError, "'generator' object is not an instance of 'Sequence'")),
    ("vec_sum", ({1: 2},), {}, raises(TypeError, "'dict' object is not an instance of 'Sequence'")),
    # PySequence_Check accepts it (it has __getitem__); a failing __len__ is only a size hint
    # for the Vec, as in PyO3, and the items come from iteration.
    ("vec_sum", (BadLenSeq(),), {}, ok(3)),
    ("vec_sum", (ShorterThanItSays(),), {}, ok(1)),
    ("vec_sum", (LongerThanItSays(),), {}, ok(10)),
    ("vec_sum", (BadIter(),), {}, raises(TypeError, "'BadIter' object is not an instance of 'Sequence'")),
    ("array3", (ShorterThanItSays(),), {}, raises(ValueError, "expected a sequence of length 3 (got 10)")),
    ("array3", (LongerThanItSays(),), {}, raises(ValueError, "expected a sequence of length 3 (got 1)")),
    ("array3", ([1, 2],), {}, raises(ValueError, "expected a sequence of length 3 (got 2)")),
    ("tuple2", ((1, "a", 3),), {}, raises(ValueError, "expected tuple of length 2, but got tuple of length 3")),
    ("tuple2", ([1, "a"],), {}, raises(TypeError, "'list' object is not an instance of 'tuple'")),
    # Mappings that lie about their length, or are not dicts.
    ("map_items", (LyingDict(a=1),), {}, ok({"a": 1})),
    ("map_items", (BadLenDict(a=1),), {}, ok({"a": 1})),
    ("map_items", ({1: 2},), {}, raises(TypeError, "'int' object is not an instance of 'str'")),
    ("map_items", ([("a", 1)],), {}, raises(TypeError, "'list' object is not an instance of 'dict'")),
    ("map_items", (NotADictMapping(),), {}, raises(TypeError, "'NotADictMapping' object is not an instance of 'dict'")),
    ("set_len", ({1, 2**70},), {}, raises(OverflowError, "Python int too large to convert to C long")),
    ("set_len", ([1],), {}, raises(TypeError, "'list' object is not an instance of 'set'")),
    ("option_int", (None,), {}, ok(None)),
    ("option_int", ("x",), {}, raises(TypeError, NOT_INT.format("str"))),
    # __hash__ / __eq__ / __iter__ / __len__ that raise or lie, seen from Rust.
    ("dict_lookup", ({}, BadHash()), {}, raises(ValueError, "bad hash")),
    ("dict_lookup", ({1: 1}, BadEq()), {}, raises(ValueError, "bad eq")),
    ("probe", (BadIter(),), {}, raises(ValueError, "bad iter")),
    ("probe", (WrongLen(),), {}, raises(TypeError, NOT_INT.format("str"))),
    ("probe", ([1],), {}, raises(TypeError, "unhashable type: 'list'")),
    ("probe", ((1, 2),), {}, ok((2, 2, hash((1, 2))))),
    # Every parameter kind.
    ("kinds", (1, 2), {"c": 3}, ok((1, 2, [], 3, 4, 0))),
    ("kinds", (), {"a": 1, "b": 2, "c": 3}, raises(TypeError, "kinds() missing 1 required positional argument: 'a'")),
    ("kinds", (1, 2), {}, raises(TypeError, "kinds() missing 1 required keyword argument: 'c'")),
    ("kinds", (1, 2, 3, "x"), {"c": 1}, raises(TypeError, NOT_INT.format("str"))),
    ("kinds", (1, 2), {"c": 1, "z": "s"}, raises(TypeError, NOT_INT.format("str"))),
    ("kinds", (1, 2, 5, 6), {"c": 1, "z": 9}, ok((1, 2, [5, 6], 1, 4, 1))),
]
