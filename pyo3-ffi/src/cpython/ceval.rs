// Filled in from CPython's Include/cpython/ceval.h.
