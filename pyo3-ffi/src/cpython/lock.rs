// Filled in from CPython's Include/cpython/lock.h.
