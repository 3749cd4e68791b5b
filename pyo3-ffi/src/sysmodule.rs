// Filled in from CPython's Include/sysmodule.h.
