// Filled in from CPython's Include/cpython/frameobject.h.
