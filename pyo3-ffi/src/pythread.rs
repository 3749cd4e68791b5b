// Filled in from CPython's Include/pythread.h.
