# Python side of the fuzz targets: constructors for the awkward inputs, and the reference
# semantics the targets compare PyO3 against.
import operator


class Index:
    """Not an int, but usable as one through __index__."""

    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


class BadIndex:
    def __index__(self):
        raise ValueError("__index__ failed")


class WrongIndex:
    def __index__(self):
        return "not an int"


class IntSub(int):
    pass


class StrSub(str):
    pass


class FailingSeq:
    """A sequence whose item access raises at one index."""

    def __init__(self, items, fail_at):
        self.items = items
        self.fail_at = fail_at

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        if i == self.fail_at:
            raise RuntimeError("item access failed")
        return self.items[i]


class Attrs:
    """An object whose attributes come from a dict (for the attribute form of FromPyObject)."""

    def __init__(self, d):
        for k, v in d.items():
            if isinstance(k, str):
                setattr(self, k, v)


def big_int(data, signed):
    return int.from_bytes(data, "big", signed=signed)


def with_surrogate(text, n):
    return text + chr(0xD800 + n % 0x800)


def index_or_error(obj):
    """(value, None) when operator.index accepts obj, else (None, exception type)."""
    try:
        return operator.index(obj), None
    except BaseException as exc:
        return None, type(exc)


def bind(a, b=7, *args, c, d=None, **kwargs):
    """The same signature as the #[pyfunction] of the pyfunction_args target."""
    return (a, b, args, c, d, kwargs)
