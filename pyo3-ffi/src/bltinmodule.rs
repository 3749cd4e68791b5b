// Filled in from CPython's Include/bltinmodule.h.
