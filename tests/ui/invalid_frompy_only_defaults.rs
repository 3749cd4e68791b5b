use pyo3::prelude::*;

// Every field has a default, so any object would extract: refused.
#[derive(FromPyObject)]
struct AllDefaults {
    #[pyo3(default)]
    a: Option<i64>,
    #[pyo3(item("k"), default = 5)]
    k: i64,
}

fn main() {}
