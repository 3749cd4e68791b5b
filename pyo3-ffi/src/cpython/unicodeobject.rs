// Filled in from CPython's Include/cpython/unicodeobject.h.
