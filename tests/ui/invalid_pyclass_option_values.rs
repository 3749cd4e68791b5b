use pyo3::prelude::*;

#[pyclass(name = 5)]
struct BadName {}

#[pyclass(module = true)]
struct BadModule {}

#[pyclass(rename_all = "SHOUTY")]
struct BadRule {}

#[pyclass(freelist)]
struct BadFreelist {}

fn main() {}
