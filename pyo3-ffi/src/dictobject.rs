// Filled in from CPython's Include/dictobject.h.
