//! A simple (C-like) enum and a complex enum with data.

use pyo3::prelude::*;

#[pyclass(eq, eq_int, module = "pyo3_pytests")]
#[derive(Clone, Copy, PartialEq)]
pub enum Color {
    Red,
    Green,
    Blue = 10,
}

#[pymethods]
impl Color {
    /// The next colour, wrapping around.
    fn next(&self) -> Color {
        match self {
            Color::Red => Color::Green,
            Color::Green => Color::Blue,
            Color::Blue => Color::Red,
        }
    }
}

#[pyclass(module = "pyo3_pytests")]
pub enum Shape {
    Circle { radius: f64 },
    Rectangle { width: f64, height: f64 },
}

#[pyfunction]
fn area(shape: PyRef<'_, Shape>) -> f64 {
    match &*shape {
        Shape::Circle { radius } => std::f64::consts::PI * radius * radius,
        Shape::Rectangle { width, height } => width * height,
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Color>()?;
    m.add_class::<Shape>()?;
    m.add_function(wrap_pyfunction!(area, m)?)?;
    Ok(())
}
