// Filled in from CPython's Include/genericaliasobject.h.
