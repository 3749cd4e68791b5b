// Filled in from CPython's Include/cpython/traceback.h.
