use pyo3::prelude::*;

#[pyclass]
enum Simple {
    #[pyo3(constructor = (x))]
    A,
}

#[pyclass]
enum Complex {
    #[pyo3(colour = "red")]
    B { x: i32 },
}

#[pyclass(eq_int)]
#[derive(PartialEq)]
enum ComplexEqInt {
    C(i32),
}

fn main() {}
