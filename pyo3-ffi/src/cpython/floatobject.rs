// Filled in from CPython's Include/cpython/floatobject.h.
