// Filled in from CPython's Include/cpython/pydebug.h.
