//! Conversions of `std` types.

mod array;
mod cell;
mod cstr;
mod ipaddr;
mod map;
mod num;
mod ordering;
mod osstr;
mod set;
mod slice;
mod string;
mod time;
mod vec;
