//! Conversions of `std` types.

mod num;
mod string;
