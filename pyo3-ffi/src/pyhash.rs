// Filled in from CPython's Include/pyhash.h.
