// Filled in from CPython's Include/cpython/setobject.h.
