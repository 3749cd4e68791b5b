//! Conversions of `std` types.

mod array;
mod cell;
mod cstr;
mod ipaddr;
pub(crate) mod map;
mod num;
pub(crate) mod number_type_error;

pub(crate) use num::index_of;
mod ordering;
mod osstr;
pub(crate) mod set;
mod slice;
mod string;
mod time;
mod vec;
