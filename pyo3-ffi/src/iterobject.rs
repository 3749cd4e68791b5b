// Filled in from CPython's Include/iterobject.h.
