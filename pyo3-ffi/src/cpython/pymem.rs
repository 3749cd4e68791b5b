// Filled in from CPython's Include/cpython/pymem.h.
