// Filled in from CPython's Include/cpython/cellobject.h.
