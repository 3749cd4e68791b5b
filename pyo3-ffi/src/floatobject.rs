// Filled in from CPython's Include/floatobject.h.
