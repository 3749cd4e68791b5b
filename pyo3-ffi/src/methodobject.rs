// Filled in from CPython's Include/methodobject.h.
