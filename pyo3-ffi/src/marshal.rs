// Filled in from CPython's Include/marshal.h.
