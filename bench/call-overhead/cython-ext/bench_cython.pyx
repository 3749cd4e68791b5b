# cython: language_level=3, binding=False
"""The call-overhead benchmark functions and classes written in Cython, for the "PyO3 or
Cython?" column: the same eleven functions and two classes as ../src/bench_fns.rs and
../c-ext/bench_c.c, written as a Cython user would (typed `def` functions, `cdef class`),
with the same results and exception types.

Integers are `long long` (Rust's i64) and sizes `size_t` (Rust's usize, so a negative size
raises OverflowError as it does in Rust); sums wrap at the i64 bounds as the Rust code's
`wrapping_add` does. A `str` argument's UTF-8 length is read with
`PyUnicode_AsUTF8AndSize` (cimported from Cython's own `cpython.unicode`): like a Rust
`&str` it borrows the string's UTF-8 buffer instead of encoding a new bytes object.

`binding=False` (Cython 0.29's default): functions and methods are the interpreter's own
builtin functions and method descriptors, as in the C extension and PyO3. With Cython 3's
default `binding=True` the methods of a `cdef class` are Cython function objects that do
not check the type of `self`, so `Pair.total(FrozenBox(1))` or `Pair.total(5)` read
another object's memory as a `Pair` (run.py checks that these calls raise TypeError).

One difference is Cython's and is kept (it is what a Cython user gets): a C integer
parameter converts any object with `__int__`, so a float is truncated (`one_int(1.5)`
returns 2, `make_string(1.0)` returns 'a') where Rust's `i64` extraction and the C extension raise TypeError. run.py lists
these calls in CYTHON_FLOAT_TRUNCATION and checks that they behave exactly so.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.sequence cimport PySequence_Check
from cpython.unicode cimport PyUnicode_AsUTF8AndSize


cdef inline long long wrapping_add(long long a, long long b) noexcept:
    # signed overflow is undefined in C; unsigned arithmetic wraps
    return <long long>(<unsigned long long>a + <unsigned long long>b)


cdef inline long long wrapping_mul(long long a, long long b) noexcept:
    return <long long>(<unsigned long long>a * <unsigned long long>b)


def noargs():
    """No-arg call; returns None."""


def one_int(long long x):
    """Returns x + 1."""
    return wrapping_add(x, 1)


def three_args(long long a, double b, str c not None):
    """Returns a + b + len(c) in UTF-8 bytes."""
    cdef Py_ssize_t size
    PyUnicode_AsUTF8AndSize(c, &size)
    return <double>a + b + <double>size


def kwargs(long long a, long long b=0, long long c=0):
    """Returns a + 10 * b + 100 * c."""
    return wrapping_add(a, wrapping_add(wrapping_mul(b, 10), wrapping_mul(c, 100)))


def sum_list(v):
    """Returns the sum of a sequence of ints (not a str, as Rust's Vec extraction)."""
    if isinstance(v, str):
        raise TypeError("Can't extract `str` to `Vec`")
    if not PySequence_Check(v):
        raise TypeError(f"sum_list() argument 'v' must be a sequence, not {type(v).__name__}")
    cdef long long total = 0
    cdef long long x
    for x in v:
        total = wrapping_add(total, x)
    return total


def make_list(size_t n):
    """Returns list(range(n))."""
    cdef long long i
    return [i for i in range(<long long>n)]


def str_len(str s not None):
    """Returns the UTF-8 length of s."""
    cdef Py_ssize_t size
    PyUnicode_AsUTF8AndSize(s, &size)
    return size


def make_string(size_t n):
    """Returns n characters cycling through a..z."""
    cdef char *buf = <char *>PyMem_Malloc(n)
    cdef size_t i
    if buf == NULL:
        raise MemoryError()
    try:
        for i in range(n):
            buf[i] = c'a' + i % 26
        return buf[:n].decode('ascii')
    finally:
        PyMem_Free(buf)


def dict_sum(dict d not None):
    """Returns the sum of the values of a dict of ints."""
    cdef long long total = 0
    cdef long long x
    for x in d.values():
        total = wrapping_add(total, x)
    return total


def raise_value_error():
    """Raises ValueError('bad value')."""
    raise ValueError("bad value")


def tuple_arg(tuple t not None):
    """Returns a + b + len(s) in UTF-8 bytes for the tuple (a, b, s)."""
    cdef long long a
    cdef double b
    cdef str s
    cdef Py_ssize_t size
    a, b, s = t
    if s is None:
        raise TypeError("tuple_arg() item 2 of 't' must be str, not None")
    PyUnicode_AsUTF8AndSize(s, &size)
    return <double>a + b + <double>size


cdef class Pair:
    """A mutable two-field class: the class cases."""

    cdef long long _a
    cdef long long _b

    # __cinit__ runs in tp_new, as a Rust #[new] does
    def __cinit__(self, long long a, long long b):
        self._a = a
        self._b = b

    def total(self):
        """Returns a + b."""
        return wrapping_add(self._a, self._b)

    def bump(self, long long x):
        """Adds x to a."""
        self._a = wrapping_add(self._a, x)

    @property
    def a(self):
        return self._a

    @a.setter
    def a(self, long long value):
        self._a = value

    # without a deleter Cython raises NotImplementedError("__del__") for `del p.a`
    @a.deleter
    def a(self):
        raise AttributeError("can't delete attribute")

    def __eq__(self, other):
        if not isinstance(other, Pair):
            return NotImplemented
        return self._a == (<Pair>other)._a and self._b == (<Pair>other)._b

    def __getitem__(self, long long index):
        if index == 0 or index == -2:
            return self._a
        if index == 1 or index == -1:
            return self._b
        raise IndexError("Pair index out of range")

    def __len__(self):
        return 2


cdef class FrozenBox:
    """An immutable one-field class: the frozen-class case."""

    cdef long long value

    # in tp_new, so that the value cannot be changed by calling __init__ again
    def __cinit__(self, long long value):
        self.value = value

    def doubled(self):
        """Returns value * 2."""
        return wrapping_mul(self.value, 2)
