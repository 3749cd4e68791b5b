// Filled in from CPython's Include/cpython/initconfig.h.
