// Filled in from CPython's Include/refcount.h.
