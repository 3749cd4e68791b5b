// Filled in from CPython's Include/cpython/objimpl.h.
