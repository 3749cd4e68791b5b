//! Conversions of `std` types.

mod string;
mod time;
