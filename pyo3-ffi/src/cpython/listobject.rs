// Filled in from CPython's Include/cpython/listobject.h.
