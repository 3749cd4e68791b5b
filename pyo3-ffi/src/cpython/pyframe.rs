// Filled in from CPython's Include/cpython/pyframe.h.
