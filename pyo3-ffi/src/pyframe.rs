// Filled in from CPython's Include/pyframe.h.
