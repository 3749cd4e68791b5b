// Filled in from CPython's Include/pycapsule.h.
