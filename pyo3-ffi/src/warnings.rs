// Filled in from CPython's Include/warnings.h.
