// Filled in from CPython's Include/moduleobject.h.
