// Filled in from CPython's Include/structmember.h.
