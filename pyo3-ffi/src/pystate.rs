// Filled in from CPython's Include/pystate.h.
