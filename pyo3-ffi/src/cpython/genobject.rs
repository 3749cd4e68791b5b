// Filled in from CPython's Include/cpython/genobject.h.
