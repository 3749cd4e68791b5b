// Filled in from CPython's Include/fileobject.h.
