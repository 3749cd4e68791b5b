// Filled in from CPython's Include/listobject.h.
