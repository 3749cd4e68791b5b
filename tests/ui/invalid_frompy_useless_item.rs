use pyo3::prelude::*;

#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct S {
    #[pyo3(item)]
    a: bool,
}

fn main() {}
