// Filled in from CPython's Include/import.h.
