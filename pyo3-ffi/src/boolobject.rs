// Filled in from CPython's Include/boolobject.h.
