// Filled in from CPython's Include/tupleobject.h.
