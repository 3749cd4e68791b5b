// Filled in from CPython's Include/cpython/funcobject.h.
