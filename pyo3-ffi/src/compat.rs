// Filled in from CPython's Include/compat.h.
