// Filled in from CPython's Include/bytearrayobject.h.
