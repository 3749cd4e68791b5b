// Filled in from CPython's Include/bytesobject.h.
