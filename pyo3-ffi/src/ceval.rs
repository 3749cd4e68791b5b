// Filled in from CPython's Include/ceval.h.
