// Filled in from CPython's Include/cpython/code.h.
