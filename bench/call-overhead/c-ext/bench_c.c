/*
 * bench_c: the call-overhead benchmark functions written by hand against the CPython C API,
 * as the baseline for ../src/bench_fns.rs. Same eleven functions and two classes, same
 * results, same exception types. Calling conventions: METH_NOARGS, METH_O, METH_FASTCALL and,
 * for the keyword case, METH_FASTCALL | METH_KEYWORDS with a small hand-written keyword
 * matcher. The classes are heap types (PyType_FromSpec, as the Rust classes are) using
 * tp_new, METH_NOARGS/METH_O methods, a PyGetSetDef and the richcompare/mapping slots.
 *
 * Every function checks its arguments and propagates errors; every new reference is either
 * returned or released.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Interned keyword names for kwargs(); created once in PyInit_bench_c. */
static PyObject *kw_a, *kw_b, *kw_c;

static PyObject *
type_error_arg(const char *func, const char *arg, const char *expected, PyObject *got)
{
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %s, not %.200s",
                 func, arg, expected, Py_TYPE(got)->tp_name);
    return NULL;
}

/* Non-negative Py_ssize_t from an int, as a Rust `usize` parameter accepts. */
static int
as_size(PyObject *obj, Py_ssize_t *out)
{
    Py_ssize_t n = PyLong_AsSsize_t(obj);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    *out = n;
    return 0;
}

/* An int converted with PyLong_AsLongLong; other objects may run __index__, so they are kept
 * alive across the call. Returns -1 with an exception set on failure. */
static int
as_i64(PyObject *obj, long long *out)
{
    long long v;
    if (PyLong_CheckExact(obj)) {
        v = PyLong_AsLongLong(obj);
    }
    else {
        Py_INCREF(obj);
        v = PyLong_AsLongLong(obj);
        Py_DECREF(obj);
    }
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

static long long
wrapping_add(long long a, long long b)
{
    return (long long)((unsigned long long)a + (unsigned long long)b);
}

/* noargs() -> None */
static PyObject *
noargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

/* one_int(x) -> x + 1 */
static PyObject *
one_int(PyObject *self, PyObject *arg)
{
    long long x;
    if (as_i64(arg, &x) < 0) {
        return NULL;
    }
    return PyLong_FromLongLong(wrapping_add(x, 1));
}

/* Index of keyword `name` among a, b, c, or -1. Keyword names written in source are interned,
 * so pointer comparison almost always decides; fall back to comparing the text. */
static int
kwargs_index(PyObject *name)
{
    if (name == kw_a) {
        return 0;
    }
    if (name == kw_b) {
        return 1;
    }
    if (name == kw_c) {
        return 2;
    }
    if (PyUnicode_CompareWithASCIIString(name, "a") == 0) {
        return 0;
    }
    if (PyUnicode_CompareWithASCIIString(name, "b") == 0) {
        return 1;
    }
    if (PyUnicode_CompareWithASCIIString(name, "c") == 0) {
        return 2;
    }
    return -1;
}

/* The positional arguments of three_args, gathered from keywords when there are any. */
static int
three_args_gather(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                  PyObject **values)
{
    static const char *const names[3] = {"a", "b", "c"};
    Py_ssize_t i, nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);

    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError, "three_args() takes exactly 3 arguments (%zd given)",
                     nargs + nkw);
        return -1;
    }
    for (i = 0; i < nargs; i++) {
        values[i] = args[i];
    }
    for (i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        int idx = kwargs_index(name);
        if (idx < 0) {
            PyErr_Format(PyExc_TypeError,
                         "three_args() got an unexpected keyword argument '%U'", name);
            return -1;
        }
        if (values[idx] != NULL) {
            PyErr_Format(PyExc_TypeError, "three_args() got multiple values for argument '%s'",
                         names[idx]);
            return -1;
        }
        values[idx] = args[nargs + i];
    }
    for (i = 0; i < 3; i++) {
        if (values[i] == NULL) {
            PyErr_Format(PyExc_TypeError, "three_args() missing required argument '%s'",
                         names[i]);
            return -1;
        }
    }
    return 0;
}

/* three_args(a, b, c) -> a + b + len(c.encode()); METH_FASTCALL | METH_KEYWORDS with an
 * inline all-positional fast path, as a hand-written extension accepting keywords does. */
static PyObject *
three_args(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *slow[3] = {NULL, NULL, NULL};
    PyObject *const *values = args;
    long long a;
    double b;
    Py_ssize_t len;

    if (kwnames != NULL || nargs != 3) {
        if (three_args_gather(args, nargs, kwnames, slow) < 0) {
            return NULL;
        }
        values = slow;
    }
    if (as_i64(values[0], &a) < 0) {
        return NULL;
    }
    b = PyFloat_AsDouble(values[1]);
    if (b == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    if (!PyUnicode_Check(values[2])) {
        return type_error_arg("three_args", "c", "str", values[2]);
    }
    if (PyUnicode_AsUTF8AndSize(values[2], &len) == NULL) {
        return NULL;
    }
    return PyFloat_FromDouble((double)a + b + (double)len);
}

/* kwargs(a, b=0, c=0) -> a + 10 * b + 100 * c */
static PyObject *
kwargs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[3] = {"a", "b", "c"};
    PyObject *values[3] = {NULL, NULL, NULL};
    long long ints[3] = {0, 0, 0};
    Py_ssize_t i;

    if (nargs > 3) {
        PyErr_Format(PyExc_TypeError,
                     "kwargs() takes at most 3 positional arguments (%zd given)", nargs);
        return NULL;
    }
    for (i = 0; i < nargs; i++) {
        values[i] = args[i];
    }
    if (kwnames != NULL) {
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        for (i = 0; i < nkw; i++) {
            PyObject *name = PyTuple_GET_ITEM(kwnames, i);
            int idx = kwargs_index(name);
            if (idx < 0) {
                PyErr_Format(PyExc_TypeError,
                             "kwargs() got an unexpected keyword argument '%U'", name);
                return NULL;
            }
            if (values[idx] != NULL) {
                PyErr_Format(PyExc_TypeError, "kwargs() got multiple values for argument '%s'",
                             names[idx]);
                return NULL;
            }
            values[idx] = args[nargs + i];
        }
    }
    if (values[0] == NULL) {
        PyErr_SetString(PyExc_TypeError, "kwargs() missing required argument 'a'");
        return NULL;
    }
    for (i = 0; i < 3; i++) {
        if (values[i] != NULL && as_i64(values[i], &ints[i]) < 0) {
            return NULL;
        }
    }
    return PyLong_FromLongLong(wrapping_add(
        ints[0], wrapping_add((long long)((unsigned long long)ints[1] * 10u),
                              (long long)((unsigned long long)ints[2] * 100u))));
}

/* sum_list(v) -> sum(v), v a sequence of ints (not a str) */
static PyObject *
sum_list(PyObject *self, PyObject *arg)
{
    PyObject *seq;
    long long total = 0;
    Py_ssize_t i;

    if (PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "sum_list() argument 'v' must not be a str");
        return NULL;
    }
    if (!PySequence_Check(arg)) {
        return type_error_arg("sum_list", "v", "a sequence", arg);
    }
    seq = PySequence_Fast(arg, "sum_list() argument 'v' must be a sequence");
    if (seq == NULL) {
        return NULL;
    }
    /* The size is re-read each time: converting a non-int item may run Python code. */
    for (i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        long long v;
        if (as_i64(PySequence_Fast_GET_ITEM(seq, i), &v) < 0) {
            Py_DECREF(seq);
            return NULL;
        }
        total = wrapping_add(total, v);
    }
    Py_DECREF(seq);
    return PyLong_FromLongLong(total);
}

/* make_list(n) -> list(range(n)) */
static PyObject *
make_list(PyObject *self, PyObject *arg)
{
    PyObject *list;
    Py_ssize_t n, i;

    if (as_size(arg, &n) < 0) {
        return NULL;
    }
    list = PyList_New(n);
    if (list == NULL) {
        return NULL;
    }
    for (i = 0; i < n; i++) {
        PyObject *item = PyLong_FromLongLong((long long)i);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

/* str_len(s) -> len(s.encode()) */
static PyObject *
str_len(PyObject *self, PyObject *arg)
{
    Py_ssize_t len;
    if (!PyUnicode_Check(arg)) {
        return type_error_arg("str_len", "s", "str", arg);
    }
    if (PyUnicode_AsUTF8AndSize(arg, &len) == NULL) {
        return NULL;
    }
    return PyLong_FromSsize_t(len);
}

/* make_string(n) -> n characters cycling through 'a'..'z' */
static PyObject *
make_string(PyObject *self, PyObject *arg)
{
    char stack_buf[256];
    char *buf = stack_buf;
    PyObject *result;
    Py_ssize_t n, i;

    if (as_size(arg, &n) < 0) {
        return NULL;
    }
    if (n > (Py_ssize_t)sizeof(stack_buf)) {
        buf = PyMem_Malloc((size_t)n);
        if (buf == NULL) {
            return PyErr_NoMemory();
        }
    }
    for (i = 0; i < n; i++) {
        buf[i] = (char)('a' + i % 26);
    }
    result = PyUnicode_FromStringAndSize(buf, n);
    if (buf != stack_buf) {
        PyMem_Free(buf);
    }
    return result;
}

/* dict_sum(d) -> sum(d.values()), d a dict of ints */
static PyObject *
dict_sum(PyObject *self, PyObject *arg)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0, size;
    long long total = 0;

    if (!PyDict_Check(arg)) {
        return type_error_arg("dict_sum", "d", "dict", arg);
    }
    size = PyDict_GET_SIZE(arg);
    while (PyDict_Next(arg, &pos, &key, &value)) {
        long long v;
        if (as_i64(value, &v) < 0) {
            return NULL;
        }
        if (PyDict_GET_SIZE(arg) != size) {
            PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
            return NULL;
        }
        total = wrapping_add(total, v);
    }
    return PyLong_FromLongLong(total);
}

/* raise_value_error() raises ValueError("bad value") */
static PyObject *
raise_value_error(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyErr_SetString(PyExc_ValueError, "bad value");
    return NULL;
}

/* tuple_arg((a, b, s)) -> a + b + len(s.encode()) */
static PyObject *
tuple_arg(PyObject *self, PyObject *arg)
{
    long long a;
    double b;
    PyObject *s;
    Py_ssize_t len;

    if (!PyTuple_Check(arg)) {
        return type_error_arg("tuple_arg", "t", "tuple", arg);
    }
    if (PyTuple_GET_SIZE(arg) != 3) {
        PyErr_Format(PyExc_ValueError, "expected tuple of length 3, but got tuple of length %zd",
                     PyTuple_GET_SIZE(arg));
        return NULL;
    }
    if (as_i64(PyTuple_GET_ITEM(arg, 0), &a) < 0) {
        return NULL;
    }
    b = PyFloat_AsDouble(PyTuple_GET_ITEM(arg, 1));
    if (b == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    s = PyTuple_GET_ITEM(arg, 2);
    if (!PyUnicode_Check(s)) {
        return type_error_arg("tuple_arg", "t[2]", "str", s);
    }
    if (PyUnicode_AsUTF8AndSize(s, &len) == NULL) {
        return NULL;
    }
    return PyFloat_FromDouble((double)a + b + (double)len);
}

/* ---- class Pair(a, b): the mutable class of the class cases ---- */

typedef struct {
    PyObject_HEAD
    long long a;
    long long b;
} PairObject;

/* Set in PyInit_bench_c; __eq__ compares only with instances of it. */
static PyObject *Pair_type;

/* Pair(a, b): positional arguments without keywords take the fast path; any other shape is
 * parsed by PyArg_ParseTupleAndKeywords, so Pair(a=1, b=2) works as the Rust #[new] does. */
static PyObject *
Pair_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"a", "b", NULL};
    PyObject *oa, *ob;
    long long a, b;
    PairObject *self;

    if (kwds == NULL && PyTuple_GET_SIZE(args) == 2) {
        oa = PyTuple_GET_ITEM(args, 0);
        ob = PyTuple_GET_ITEM(args, 1);
    }
    else if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:Pair", kwlist, &oa, &ob)) {
        return NULL;
    }
    if (as_i64(oa, &a) < 0 || as_i64(ob, &b) < 0) {
        return NULL;
    }
    self = (PairObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->a = a;
    self->b = b;
    return (PyObject *)self;
}

/* Heap type instances own a reference to their type. */
static void
Pair_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* total() -> a + b */
static PyObject *
Pair_total(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PairObject *p = (PairObject *)self;
    return PyLong_FromLongLong(wrapping_add(p->a, p->b));
}

/* bump(x): a += x */
static PyObject *
Pair_bump(PyObject *self, PyObject *arg)
{
    long long x;
    if (as_i64(arg, &x) < 0) {
        return NULL;
    }
    ((PairObject *)self)->a = wrapping_add(((PairObject *)self)->a, x);
    Py_RETURN_NONE;
}

/* Not a benchmark case: `bump` again with the calling convention the Rust bindings use for a
 * method with parameters (METH_FASTCALL | METH_KEYWORDS, so that `p.bump(x=1)` works as in
 * PyO3), with the same inline all-positional path. `convention.py` times it against the
 * METH_O `bump` to show what the interpreter's dispatch of the two conventions costs. */
static PyObject *
Pair_bump_fastcall(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    long long x;
    if (nargs != 1 || kwnames != NULL) {
        PyErr_SetString(PyExc_TypeError, "bump_fastcall() takes one positional argument");
        return NULL;
    }
    if (as_i64(args[0], &x) < 0) {
        return NULL;
    }
    ((PairObject *)self)->a = wrapping_add(((PairObject *)self)->a, x);
    Py_RETURN_NONE;
}

static PyObject *
Pair_get_a(PyObject *self, void *Py_UNUSED(closure))
{
    return PyLong_FromLongLong(((PairObject *)self)->a);
}

static int
Pair_set_a(PyObject *self, PyObject *value, void *Py_UNUSED(closure))
{
    long long v;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "can't delete attribute");
        return -1;
    }
    if (as_i64(value, &v) < 0) {
        return -1;
    }
    ((PairObject *)self)->a = v;
    return 0;
}

/* == and != between two Pairs; everything else is NotImplemented. */
static PyObject *
Pair_richcompare(PyObject *self, PyObject *other, int op)
{
    PairObject *x, *y;
    int eq;
    if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(other, (PyTypeObject *)Pair_type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    x = (PairObject *)self;
    y = (PairObject *)other;
    eq = x->a == y->a && x->b == y->b;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

/* p[i]: 0/-2 -> a, 1/-1 -> b, else IndexError */
static PyObject *
Pair_subscript(PyObject *self, PyObject *key)
{
    long long i;
    if (as_i64(key, &i) < 0) {
        return NULL;
    }
    if (i == 0 || i == -2) {
        return PyLong_FromLongLong(((PairObject *)self)->a);
    }
    if (i == 1 || i == -1) {
        return PyLong_FromLongLong(((PairObject *)self)->b);
    }
    PyErr_SetString(PyExc_IndexError, "Pair index out of range");
    return NULL;
}

static Py_ssize_t
Pair_length(PyObject *Py_UNUSED(self))
{
    return 2;
}

static PyMethodDef Pair_methods[] = {
    {"total", Pair_total, METH_NOARGS, "Returns a + b."},
    {"bump", Pair_bump, METH_O, "Adds x to a."},
    {"bump_fastcall", (PyCFunction)(void (*)(void))Pair_bump_fastcall,
     METH_FASTCALL | METH_KEYWORDS, "Adds x to a (fastcall convention, see convention.py)."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Pair_getset[] = {
    {"a", Pair_get_a, Pair_set_a, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot Pair_slots[] = {
    {Py_tp_new, Pair_new},
    {Py_tp_dealloc, Pair_dealloc},
    {Py_tp_methods, Pair_methods},
    {Py_tp_getset, Pair_getset},
    {Py_tp_richcompare, Pair_richcompare},
    {Py_mp_subscript, Pair_subscript},
    {Py_mp_length, Pair_length},
    {0, NULL},
};

static PyType_Spec Pair_spec = {
    "bench_c.Pair", sizeof(PairObject), 0, Py_TPFLAGS_DEFAULT, Pair_slots,
};

/* ---- class FrozenBox(value): the frozen-class case ---- */

typedef struct {
    PyObject_HEAD
    long long value;
} FrozenBoxObject;

static PyObject *
FrozenBox_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", NULL};
    PyObject *ov;
    long long v;
    FrozenBoxObject *self;

    if (kwds == NULL && PyTuple_GET_SIZE(args) == 1) {
        ov = PyTuple_GET_ITEM(args, 0);
    }
    else if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:FrozenBox", kwlist, &ov)) {
        return NULL;
    }
    if (as_i64(ov, &v) < 0) {
        return NULL;
    }
    self = (FrozenBoxObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->value = v;
    return (PyObject *)self;
}

/* doubled() -> value * 2 */
static PyObject *
FrozenBox_doubled(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    unsigned long long v = (unsigned long long)((FrozenBoxObject *)self)->value;
    return PyLong_FromLongLong((long long)(v * 2));
}

static PyMethodDef FrozenBox_methods[] = {
    {"doubled", FrozenBox_doubled, METH_NOARGS, "Returns value * 2."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot FrozenBox_slots[] = {
    {Py_tp_new, FrozenBox_new},
    {Py_tp_dealloc, Pair_dealloc},
    {Py_tp_methods, FrozenBox_methods},
    {0, NULL},
};

static PyType_Spec FrozenBox_spec = {
    "bench_c.FrozenBox", sizeof(FrozenBoxObject), 0, Py_TPFLAGS_DEFAULT, FrozenBox_slots,
};

static PyMethodDef bench_c_methods[] = {
    {"noargs", noargs, METH_NOARGS, "No-arg call; returns None."},
    {"one_int", one_int, METH_O, "Returns x + 1."},
    {"three_args", (PyCFunction)(void (*)(void))three_args, METH_FASTCALL | METH_KEYWORDS,
     "Returns a + b + len(c) in UTF-8 bytes."},
    {"kwargs", (PyCFunction)(void (*)(void))kwargs, METH_FASTCALL | METH_KEYWORDS,
     "kwargs(a, b=0, c=0): returns a + 10 * b + 100 * c."},
    {"sum_list", sum_list, METH_O, "Returns the sum of a sequence of ints."},
    {"make_list", make_list, METH_O, "Returns list(range(n))."},
    {"str_len", str_len, METH_O, "Returns the UTF-8 length of s."},
    {"make_string", make_string, METH_O, "Returns n characters cycling through a..z."},
    {"dict_sum", dict_sum, METH_O, "Returns the sum of the values of a dict of ints."},
    {"raise_value_error", raise_value_error, METH_NOARGS, "Raises ValueError('bad value')."},
    {"tuple_arg", tuple_arg, METH_O, "Returns a + b + len(s) for the tuple (a, b, s)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef bench_c_module = {
    PyModuleDef_HEAD_INIT,
    "bench_c",
    "Call-overhead benchmark functions written by hand in C.",
    -1,
    bench_c_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

/* PyModule_AddObjectRef is 3.10+; this is the same for 3.9: the caller keeps its reference. */
static int
add_object_ref(PyObject *m, const char *name, PyObject *value)
{
    Py_INCREF(value);
    if (PyModule_AddObject(m, name, value) < 0) {
        Py_DECREF(value);
        return -1;
    }
    return 0;
}

/* The module with both classes added; Pair_type is kept for Pair_richcompare. */
static PyObject *
create_module(void)
{
    PyObject *m = PyModule_Create(&bench_c_module);
    PyObject *frozen;
    if (m == NULL) {
        return NULL;
    }
    if (Pair_type == NULL) {
        Pair_type = PyType_FromSpec(&Pair_spec);
        if (Pair_type == NULL) {
            Py_DECREF(m);
            return NULL;
        }
    }
    frozen = PyType_FromSpec(&FrozenBox_spec);
    if (frozen == NULL || add_object_ref(m, "Pair", Pair_type) < 0 ||
        add_object_ref(m, "FrozenBox", frozen) < 0) {
        Py_XDECREF(frozen);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(frozen);
    return m;
}

PyMODINIT_FUNC
PyInit_bench_c(void)
{
    if (kw_a == NULL) {
        kw_a = PyUnicode_InternFromString("a");
        kw_b = PyUnicode_InternFromString("b");
        kw_c = PyUnicode_InternFromString("c");
        if (kw_a == NULL || kw_b == NULL || kw_c == NULL) {
            Py_CLEAR(kw_a);
            Py_CLEAR(kw_b);
            Py_CLEAR(kw_c);
            return NULL;
        }
    }
    return create_module();
}
