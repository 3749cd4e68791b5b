// Filled in from CPython's Include/pybuffer.h.
