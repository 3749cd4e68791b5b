// Filled in from CPython's Include/structseq.h.
