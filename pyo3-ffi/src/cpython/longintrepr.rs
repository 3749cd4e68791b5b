// Filled in from CPython's Include/cpython/longintrepr.h.
