// Filled in from CPython's Include/longobject.h.
