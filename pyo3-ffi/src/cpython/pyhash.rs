// Filled in from CPython's Include/cpython/pyhash.h.
