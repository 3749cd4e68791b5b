// Filled in from CPython's Include/cpython/pystate.h.
