// Filled in from CPython's Include/cpython/memoryobject.h.
