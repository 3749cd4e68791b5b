// Filled in from CPython's Include/cpython/compile.h.
