// Filled in from CPython's Include/cpython/odictobject.h.
