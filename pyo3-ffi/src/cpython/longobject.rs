// Filled in from CPython's Include/cpython/longobject.h.
