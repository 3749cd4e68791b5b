// Filled in from CPython's Include/rangeobject.h.
