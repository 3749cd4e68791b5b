// Filled in from CPython's Include/abstract.h.
