//! The Rust half of the `starter` package: the extension module `starter._rust`, with two
//! nested submodules (`starter._rust.stats` and `starter._rust.text`). The pure-Python half
//! (`python/starter/`) imports from it and builds on it.

/// Rust core of the `starter` package.
#[pyo3::pymodule(name = "_rust", module = "starter")]
mod starter_rust {
    use pyo3::exceptions::PyOverflowError;
    use pyo3::prelude::*;

    /// `True` when this build uses the stable ABI (one wheel for every CPython 3.9+).
    #[pymodule_export]
    const ABI3: bool = cfg!(feature = "abi3");

    /// Returns a greeting for `name`.
    #[pyfunction]
    #[pyo3(signature = (name, punctuation = "!".to_owned()))]
    fn greet(name: String, punctuation: String) -> String {
        format!("Hello, {name}{punctuation}")
    }

    /// The `n`-th Fibonacci number (`fib(0) == 0`, `fib(1) == 1`); `OverflowError` past
    /// what 64 bits hold.
    #[pyfunction]
    fn fib(n: u32) -> PyResult<u64> {
        let (mut a, mut b) = (0u64, 1u64);
        for _ in 0..n {
            let next = a.checked_add(b).ok_or_else(|| {
                PyOverflowError::new_err(format!("fib({n}) does not fit in 64 bits"))
            })?;
            a = b;
            b = next;
        }
        Ok(a)
    }

    /// Adds `__version__` (the crate version) and registers the submodules in `sys.modules`
    /// under their full names, so that `import starter._rust.stats` works: Python's import
    /// system finds the submodules of an extension module only there (PyO3 does not register
    /// them itself). The init function runs after the submodules were added.
    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.setattr("__version__", env!("CARGO_PKG_VERSION"))?;
        let modules = m.py().import("sys")?.getattr("modules")?;
        for name in ["stats", "text"] {
            modules.set_item(format!("starter._rust.{name}"), m.getattr(name)?)?;
        }
        Ok(())
    }

    /// Summary statistics of sequences of numbers.
    #[pymodule]
    mod stats {
        use pyo3::exceptions::PyValueError;
        use pyo3::prelude::*;

        fn non_empty(values: &[f64], what: &str) -> PyResult<()> {
            if values.is_empty() {
                Err(PyValueError::new_err(format!(
                    "{what}() requires at least one value"
                )))
            } else {
                Ok(())
            }
        }

        /// The arithmetic mean of `values`.
        #[pyfunction]
        pub(crate) fn mean(values: Vec<f64>) -> PyResult<f64> {
            non_empty(&values, "mean")?;
            Ok(values.iter().sum::<f64>() / values.len() as f64)
        }

        /// The population variance of `values`.
        #[pyfunction]
        fn variance(values: Vec<f64>) -> PyResult<f64> {
            non_empty(&values, "variance")?;
            let n = values.len() as f64;
            let mean = values.iter().sum::<f64>() / n;
            Ok(values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n)
        }

        /// The median of `values` (mean of the two middle values for an even count).
        #[pyfunction]
        fn median(mut values: Vec<f64>) -> PyResult<f64> {
            non_empty(&values, "median")?;
            if values.iter().any(|v| v.is_nan()) {
                return Err(PyValueError::new_err("median() of values containing NaN"));
            }
            values.sort_by(f64::total_cmp);
            let mid = values.len() / 2;
            Ok(if 2 * mid == values.len() {
                (values[mid - 1] + values[mid]) / 2.0
            } else {
                values[mid]
            })
        }

        /// The name of this submodule's level, to show constants in nested modules.
        #[pymodule_export]
        const LEVEL: &str = "stats";
    }

    /// Small text utilities.
    #[pymodule]
    mod text {
        /// `text` with the order of its whitespace-separated words reversed.
        #[pyfunction]
        fn reverse_words(text: String) -> String {
            text.split_whitespace().rev().collect::<Vec<_>>().join(" ")
        }

        /// Whether `text` reads the same backwards, ignoring case and non-alphanumeric
        /// characters.
        #[pyfunction]
        fn is_palindrome(text: String) -> bool {
            let letters: Vec<char> = text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            letters.iter().eq(letters.iter().rev())
        }
    }
}
