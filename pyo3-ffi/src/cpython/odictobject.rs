//! `Include/cpython/odictobject.h` (`collections.OrderedDict`): nothing from this header is
//! part of the pyo3-ffi API, so this module is intentionally empty.
