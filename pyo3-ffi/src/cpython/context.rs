// Filled in from CPython's Include/cpython/context.h.
