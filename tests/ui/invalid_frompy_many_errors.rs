// Every problem of a derive input is reported in one compile, each at its own token.
use pyo3::prelude::*;

#[derive(FromPyObject)]
#[pyo3(transparent)]
struct S {
    #[pyo3(item, attribute)]
    a: i32,
    b: i32,
}

#[derive(FromPyObject)]
enum E {
    #[pyo3(transparent)]
    A(i32, i32),
    B,
    #[pyo3(rename_all = "nope")]
    C { x: i32 },
}

fn main() {}
