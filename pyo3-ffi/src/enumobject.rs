// Filled in from CPython's Include/enumobject.h.
