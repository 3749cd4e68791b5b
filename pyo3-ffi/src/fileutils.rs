// Filled in from CPython's Include/fileutils.h.
