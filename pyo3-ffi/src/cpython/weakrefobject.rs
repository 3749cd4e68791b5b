// Filled in from CPython's Include/cpython/weakrefobject.h.
