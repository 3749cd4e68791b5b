use pyo3::prelude::*;

#[pyclass]
struct Value(i32);

fn default_value() -> &'static Value {
    Box::leak(Box::new(Value(0)))
}

#[pyfunction]
#[pyo3(signature = (value = default_value()))]
async fn read(value: &Value) -> i32 {
    value.0
}

fn main() {}
