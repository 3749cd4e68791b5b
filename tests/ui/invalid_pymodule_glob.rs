use pyo3::prelude::*;

#[pymodule]
mod m {
    #[pymodule_export]
    use super::*;
}

fn main() {}
