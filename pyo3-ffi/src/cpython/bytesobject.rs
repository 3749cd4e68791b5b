// Filled in from CPython's Include/cpython/bytesobject.h.
