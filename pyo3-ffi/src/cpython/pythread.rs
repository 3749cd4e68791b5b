// Filled in from CPython's Include/cpython/pythread.h.
