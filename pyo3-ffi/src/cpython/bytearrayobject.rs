// Filled in from CPython's Include/cpython/bytearrayobject.h.
