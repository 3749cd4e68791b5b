// Filled in from CPython's Include/pyerrors.h.
