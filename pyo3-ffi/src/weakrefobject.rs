// Filled in from CPython's Include/weakrefobject.h.
