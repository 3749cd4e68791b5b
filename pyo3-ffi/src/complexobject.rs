// Filled in from CPython's Include/complexobject.h.
