// Filled in from CPython's Include/typeslots.h.
