// Filled in from CPython's Include/pythonrun.h.
