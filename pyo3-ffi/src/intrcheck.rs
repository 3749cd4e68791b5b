// Filled in from CPython's Include/intrcheck.h.
