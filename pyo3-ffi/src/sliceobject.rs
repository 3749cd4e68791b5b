// Filled in from CPython's Include/sliceobject.h.
