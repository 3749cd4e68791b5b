// Filled in from CPython's Include/cpython/descrobject.h.
