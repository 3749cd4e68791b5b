//! `pytypedefs.h` (3.11+) only forward-declares struct typedefs (`PyObject`, `PyTypeObject`,
//! `PyMethodDef`, `PyModuleDef`, ...). In Rust each of those types is defined once, in the
//! module of the header that gives its body, so this module declares nothing itself.
