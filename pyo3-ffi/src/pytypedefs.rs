// Filled in from CPython's Include/pytypedefs.h.
