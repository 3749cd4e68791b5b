// Filled in from CPython's Include/setobject.h.
