// Filled in from CPython's Include/compile.h.
