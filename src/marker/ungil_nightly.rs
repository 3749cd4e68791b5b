//! `Ungil` as an auto trait (feature `nightly`, nightly Rust only). Kept in its own file so
//! that stable compilers, for which the feature is off, never parse the unstable syntax.

/// Marker for values that may be carried across [`Python::detach`](crate::Python::detach).
///
/// With the `nightly` feature this is an auto trait: every type is `Ungil` unless it contains
/// a [`Python`](crate::Python) token or a raw Python object (`ffi::PyObject`, and so `Bound`,
/// `Borrowed`, ...). Non-`Send` values that hold no Python data, such as an `Rc`, may cross
/// `detach`; [`Py<T>`](crate::Py) stays allowed.
///
/// # Safety
///
/// Implementors must not give access to Python objects without an attached thread.
pub unsafe auto trait Ungil {}

// The token proves attachment and raw objects need it: neither may cross `detach`.
impl !Ungil for crate::Python<'_> {}
impl !Ungil for crate::ffi::PyObject {}
// `Py<T>` holds a raw object pointer but is usable from any thread (it never touches the
// object without a `Python` token).
unsafe impl<T> Ungil for crate::Py<T> {}
// Internal wrapper for values that stay on the current thread across `detach`.
unsafe impl<T> Ungil for crate::impl_::platform::SendPtr<T> {}
