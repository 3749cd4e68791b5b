// Filled in from CPython's Include/pymem.h.
