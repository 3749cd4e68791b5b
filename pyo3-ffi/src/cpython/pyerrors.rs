// Filled in from CPython's Include/cpython/pyerrors.h.
