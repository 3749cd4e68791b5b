// Filled in from CPython's Include/cpython/methodobject.h.
