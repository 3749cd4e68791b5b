// Filled in from CPython's Include/cpython/dictobject.h.
