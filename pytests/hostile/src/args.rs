//! Functions taking one argument of each kind, returning what they extracted.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict};

/// `echo_<type>(x)` returns `x` after extracting it as `<type>`.
macro_rules! echo_ints {
    ($($name:ident: $ty:ty),* $(,)?) => {
        $(
            #[pyfunction]
            fn $name(x: $ty) -> $ty {
                x
            }
        )*
        fn register_ints(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $( m.add_function(wrap_pyfunction!($name, m)?)?; )*
            Ok(())
        }
    };
}

echo_ints!(
    echo_i8: i8, echo_u8: u8, echo_i16: i16, echo_u16: u16, echo_i32: i32, echo_u32: u32,
    echo_i64: i64, echo_u64: u64, echo_i128: i128, echo_u128: u128, echo_isize: isize,
    echo_usize: usize,
);

#[pyfunction]
fn echo_f64(x: f64) -> f64 {
    x
}

#[pyfunction]
fn echo_f32(x: f32) -> f32 {
    x
}

#[pyfunction]
fn echo_bool(x: bool) -> bool {
    x
}

#[pyfunction]
fn echo_str(x: &str) -> &str {
    x
}

#[pyfunction]
fn echo_string(x: String) -> String {
    x
}

#[pyfunction]
fn echo_cow(x: Cow<'_, str>) -> String {
    x.into_owned()
}

#[pyfunction]
fn echo_char(x: char) -> char {
    x
}

/// Bytes-like arguments: `&[u8]` (bytes only) and the explicit bytes / bytearray types.
#[pyfunction]
fn bytes_len(x: &[u8]) -> usize {
    x.len()
}

#[pyfunction]
fn bytearray_copy(x: &Bound<'_, PyByteArray>) -> Vec<u8> {
    x.to_vec()
}

#[pyfunction]
fn bytes_object(x: &Bound<'_, PyBytes>) -> usize {
    x.as_bytes().len()
}

#[pyfunction]
fn vec_sum(x: Vec<i64>) -> i64 {
    x.iter().fold(0i64, |a, b| a.wrapping_add(*b))
}

#[pyfunction]
fn array3(x: [i32; 3]) -> [i32; 3] {
    x
}

#[pyfunction]
fn tuple2(x: (i32, String)) -> (i32, String) {
    x
}

#[pyfunction]
fn map_items(x: HashMap<String, i64>) -> BTreeMap<String, i64> {
    x.into_iter().collect()
}

#[pyfunction]
fn set_len(x: HashSet<i64>) -> usize {
    x.len()
}

#[pyfunction]
fn option_int(x: Option<i32>) -> Option<i32> {
    x
}

/// Looks `key` up in `d`: the key's `__hash__` / `__eq__` run inside.
#[pyfunction]
fn dict_lookup<'py>(
    d: &Bound<'py, PyDict>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    d.get_item(key)
}

/// Calls len(), iter() and hash() on `x` through the Rust API.
#[pyfunction]
fn probe(x: &Bound<'_, PyAny>) -> PyResult<(usize, usize, isize)> {
    let len = x.len()?;
    let mut n = 0;
    for item in x.try_iter()? {
        item?;
        n += 1;
    }
    Ok((len, n, x.hash()?))
}

/// Every parameter kind at once.
#[pyfunction]
#[pyo3(signature = (a, /, b, *args, c, d = 4, **kwargs))]
fn kinds(
    a: i32,
    b: i32,
    args: Vec<i32>,
    c: i32,
    d: i32,
    kwargs: Option<HashMap<String, i32>>,
) -> (i32, i32, Vec<i32>, i32, i32, usize) {
    (a, b, args, c, d, kwargs.map_or(0, |k| k.len()))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    register_ints(m)?;
    m.add_function(wrap_pyfunction!(echo_f64, m)?)?;
    m.add_function(wrap_pyfunction!(echo_f32, m)?)?;
    m.add_function(wrap_pyfunction!(echo_bool, m)?)?;
    m.add_function(wrap_pyfunction!(echo_str, m)?)?;
    m.add_function(wrap_pyfunction!(echo_string, m)?)?;
    m.add_function(wrap_pyfunction!(echo_cow, m)?)?;
    m.add_function(wrap_pyfunction!(echo_char, m)?)?;
    m.add_function(wrap_pyfunction!(bytes_len, m)?)?;
    m.add_function(wrap_pyfunction!(bytearray_copy, m)?)?;
    m.add_function(wrap_pyfunction!(bytes_object, m)?)?;
    m.add_function(wrap_pyfunction!(vec_sum, m)?)?;
    m.add_function(wrap_pyfunction!(array3, m)?)?;
    m.add_function(wrap_pyfunction!(tuple2, m)?)?;
    m.add_function(wrap_pyfunction!(map_items, m)?)?;
    m.add_function(wrap_pyfunction!(set_len, m)?)?;
    m.add_function(wrap_pyfunction!(option_int, m)?)?;
    m.add_function(wrap_pyfunction!(dict_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(probe, m)?)?;
    m.add_function(wrap_pyfunction!(kinds, m)?)?;
    Ok(())
}
