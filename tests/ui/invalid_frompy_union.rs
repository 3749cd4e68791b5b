use pyo3::prelude::*;

#[derive(FromPyObject)]
union U {
    a: u32,
}

fn main() {}
