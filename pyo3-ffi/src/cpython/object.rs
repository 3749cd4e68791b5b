//! Declarations from `Include/cpython/object.h`. (Bootstrap placeholder.)
#[repr(C)]
pub struct PyTypeObject {
    _opaque: [u8; 0],
}
