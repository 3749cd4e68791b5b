// Filled in from CPython's Include/cpython/critical_section.h.
