//! Every item kind of a declarative module, for the golden stub `stubs_fixture.pyi` checked by
//! `scripts/check-stubs.sh` (stubtest and `mypy --strict`).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

pyo3::create_exception!(stubs_fixture, FixtureError, pyo3::exceptions::PyValueError);

#[pymodule]
mod stubs_fixture {
    use super::*;

    #[pymodule_export]
    use super::FixtureError;

    /// A module constant.
    #[pymodule_export]
    const LIMIT: u32 = 10;

    /// All parameter kinds.
    #[pyfunction]
    #[pyo3(signature = (a, b = 2, /, c = "x", *args, d, e = None, **kwargs))]
    fn kinds(
        a: i64,
        b: i64,
        c: &str,
        args: &Bound<'_, PyTuple>,
        d: f64,
        e: Option<Vec<String>>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> (i64, usize) {
        let _ = (c, d, e, kwargs);
        (a + b, args.len())
    }

    /// Annotations given in the signature instead of derived from the Rust types.
    #[pyfunction]
    #[pyo3(signature = (values: "list[int]", *, scale: "float | None" = None) -> "list[float]")]
    fn scaled<'py>(values: &Bound<'py, PyAny>, scale: Option<f64>) -> PyResult<Bound<'py, PyAny>> {
        let py = values.py();
        let values: Vec<i64> = values.extract()?;
        let scale = scale.unwrap_or(1.0);
        let out: Vec<f64> = values.into_iter().map(|v| v as f64 * scale).collect();
        Ok(pyo3::IntoPyObject::into_pyobject(out, py)?.into_any())
    }

    /// A class with every kind of member.
    #[pyclass(subclass)]
    struct Point {
        #[pyo3(get, set)]
        x: i32,
        #[pyo3(get)]
        y: i32,
    }

    #[pymethods]
    impl Point {
        #[new]
        #[pyo3(signature = (x, y = 0))]
        fn new(x: i32, y: i32) -> Self {
            Point { x, y }
        }

        /// The origin.
        #[staticmethod]
        fn origin() -> Point {
            Point { x: 0, y: 0 }
        }

        #[classmethod]
        fn name(cls: &Bound<'_, pyo3::types::PyType>) -> PyResult<String> {
            Ok(cls.name()?.to_string())
        }

        #[classattr]
        const DIMENSIONS: u8 = 2;

        #[getter]
        fn norm(&self) -> f64 {
            f64::from(self.x * self.x + self.y * self.y).sqrt()
        }

        #[getter]
        fn label(&self) -> String {
            format!("({}, {})", self.x, self.y)
        }

        #[setter]
        fn set_label(&mut self, value: &str) {
            self.x = value.len() as i32;
        }

        fn moved(&self, dx: i32, dy: i32) -> Point {
            Point {
                x: self.x + dx,
                y: self.y + dy,
            }
        }

        fn __len__(&self) -> usize {
            2
        }

        /// A slot with an argument: positional-only in the stub, as its slot wrapper takes it.
        fn __getitem__(&self, index: usize) -> PyResult<i32> {
            match index {
                0 => Ok(self.x),
                1 => Ok(self.y),
                _ => Err(pyo3::exceptions::PyIndexError::new_err(
                    "Point has two coordinates",
                )),
            }
        }
    }

    /// A simple enum.
    #[pyclass(eq, eq_int)]
    #[derive(PartialEq, Clone)]
    enum Color {
        Red,
        Green,
    }

    /// An enum with data: a subclass per variant.
    #[pyclass]
    enum Shape {
        Circle { radius: f64 },
        Rect(f64, f64),
    }

    /// What the `#[pymodule_init]` function adds is read like a function-form module's body:
    /// `add` lists the name in `__all__`, `setattr` does not. It also registers the nested
    /// module in `sys.modules` (as with PyO3, nothing else does), so that `import
    /// stubs_fixture.geometry` works (stubtest imports it that way).
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("BUILD", concat!("fixture-", "1"))?;
        m.setattr("__version__", env!("CARGO_PKG_VERSION"))?;
        let modules = m.py().import("sys")?.getattr("modules")?;
        modules.set_item("stubs_fixture.geometry", m.getattr("geometry")?)
    }

    /// A nested module.
    #[pymodule]
    mod geometry {
        #[pyfunction]
        fn area(w: f64, h: f64) -> f64 {
            w * h
        }
    }
}
