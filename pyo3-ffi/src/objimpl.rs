// Filled in from CPython's Include/objimpl.h.
