// Filled in from CPython's Include/traceback.h.
