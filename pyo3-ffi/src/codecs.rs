// Filled in from CPython's Include/codecs.h.
