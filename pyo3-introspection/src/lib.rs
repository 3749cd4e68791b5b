//! Reads the metadata a PyO3 `experimental-inspect` build embeds in a cdylib and writes
//! [type stubs](https://typing.readthedocs.io/en/latest/source/stubs.html) from it.

pub use crate::introspection::introspect_cdylib;
pub use crate::stubs::module_stub_files;

mod introspection;
pub mod model;
mod stubs;
