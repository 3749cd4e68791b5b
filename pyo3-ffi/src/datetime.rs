// Filled in from CPython's Include/datetime.h.
