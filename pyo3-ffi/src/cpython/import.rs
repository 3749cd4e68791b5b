// Filled in from CPython's Include/cpython/import.h.
