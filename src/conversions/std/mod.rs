//! Conversions of `std` types.

mod string;
