// Filled in from CPython's Include/cpython/pylifecycle.h.
