// Filled in from CPython's Include/context.h.
