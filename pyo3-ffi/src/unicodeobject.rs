// Filled in from CPython's Include/unicodeobject.h.
