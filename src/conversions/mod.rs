//! Conversions of Rust standard library types.

mod std;
