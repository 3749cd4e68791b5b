// Filled in from CPython's Include/cpython/complexobject.h.
