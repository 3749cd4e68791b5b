// Filled in from CPython's Include/critical_section.h.
