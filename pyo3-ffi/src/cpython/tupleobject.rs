// Filled in from CPython's Include/cpython/tupleobject.h.
