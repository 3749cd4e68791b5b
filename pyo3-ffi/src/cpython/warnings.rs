// Filled in from CPython's Include/cpython/warnings.h.
