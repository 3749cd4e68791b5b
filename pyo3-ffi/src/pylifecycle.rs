// Filled in from CPython's Include/pylifecycle.h.
