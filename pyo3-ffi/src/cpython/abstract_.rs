// Filled in from CPython's Include/cpython/abstract.h.
