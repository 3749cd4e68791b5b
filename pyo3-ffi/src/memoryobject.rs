// Filled in from CPython's Include/memoryobject.h.
