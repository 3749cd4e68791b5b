//! Conversions of `std` types.

mod ipaddr;
mod num;
mod osstr;
mod string;
