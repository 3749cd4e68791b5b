// Filled in from CPython's Include/pystrtod.h.
