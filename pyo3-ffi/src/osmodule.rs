// Filled in from CPython's Include/osmodule.h.
