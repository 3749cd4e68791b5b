// Filled in from CPython's Include/descrobject.h.
