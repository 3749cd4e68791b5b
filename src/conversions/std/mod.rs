//! Conversions of `std` types.

mod array;
mod slice;
mod string;
mod vec;
