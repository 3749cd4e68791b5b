//! `critical_section.h` (3.13+) only includes `cpython/critical_section.h`; see the
//! `PyCriticalSection*` items there.
