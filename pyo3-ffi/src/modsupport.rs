// Filled in from CPython's Include/modsupport.h.
