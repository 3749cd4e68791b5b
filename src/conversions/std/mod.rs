//! Conversions of `std` types.

mod map;
mod set;
mod string;
