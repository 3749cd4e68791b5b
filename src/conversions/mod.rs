//! Conversions between Rust types and Python objects.
//!
//! The standard library's types are always converted (their impls live in a private module).
//! Each optional feature named after a crate adds the conversions of that crate's types in a
//! module of the same name, public at the crate root (`pyo3::chrono`, `pyo3::num_bigint`,
//! ...) and documented with its behaviour and edge cases.

#[cfg(feature = "anyhow")]
pub mod anyhow;
#[cfg(feature = "bigdecimal")]
pub mod bigdecimal;
#[cfg(feature = "bytes")]
pub mod bytes;
#[cfg(feature = "chrono")]
pub mod chrono;
#[cfg(feature = "chrono-tz")]
pub mod chrono_tz;
#[cfg(any(feature = "chrono", feature = "time", feature = "jiff-02"))]
mod datetime_parts;
#[cfg(feature = "either")]
pub mod either;
#[cfg(any(feature = "anyhow", feature = "eyre"))]
mod error_report;
#[cfg(feature = "eyre")]
pub mod eyre;
#[cfg(feature = "hashbrown")]
pub mod hashbrown;
#[cfg(feature = "indexmap")]
pub mod indexmap;
#[cfg(feature = "jiff-02")]
pub mod jiff;
#[cfg(feature = "num-bigint")]
pub mod num_bigint;
#[cfg(feature = "num-complex")]
pub mod num_complex;
#[cfg(feature = "num-rational")]
pub mod num_rational;
#[cfg(feature = "ordered-float")]
pub mod ordered_float;
#[cfg(feature = "rust_decimal")]
pub mod rust_decimal;
#[cfg(feature = "serde")]
pub mod serde;
#[cfg(feature = "smallvec")]
pub mod smallvec;
pub(crate) mod std;
#[cfg(feature = "time")]
pub mod time;
#[cfg(feature = "uuid")]
pub mod uuid;
