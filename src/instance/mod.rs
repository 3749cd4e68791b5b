//! The smart pointers to Python objects: [`Bound`], [`Borrowed`] and [`Py`].
//!
//! All three have the layout of a single `NonNull<ffi::PyObject>`; the type parameter `T` only
//! records what the object is known to be (e.g. `PyDict`, or `PyAny` for anything).

mod borrowed;
mod bound;
mod fmt;
mod py;

pub use borrowed::Borrowed;
pub use bound::Bound;
pub use py::Py;
