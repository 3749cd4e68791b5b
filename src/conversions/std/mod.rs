//! Conversions of `std` types.

mod array;
mod slice;
mod ipaddr;
mod num;
mod osstr;
mod string;
mod vec;
mod time;
