// Filled in from CPython's Include/cpython/pythonrun.h.
