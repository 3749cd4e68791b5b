//! Embeds Python: runs code, calls Python functions, and passes values both ways.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

fn main() -> PyResult<()> {
    Python::attach(|py| {
        // An expression.
        let greeting = py.eval(c"'hello from ' + 'python'", None, None)?;
        println!("eval: {}", greeting.extract::<String>()?);

        // Statements, with a dictionary as their namespace.
        let namespace = PyDict::new(py);
        py.run(
            c"import math\n\
              squares = [i * i for i in range(5)]\n\
              total = str(sum(squares))\n\
              def shout(text):\n    return text.upper() + '!'\n",
            Some(&namespace),
            None,
        )?;
        let total = namespace.get_item("total")?.expect("defined by the script");
        println!("sum of squares: {}", total.extract::<String>()?);
        let squares = namespace
            .get_item("squares")?
            .expect("defined by the script");
        println!("squares: {}", squares.repr()?.extract::<String>()?);

        // Calling a Python function with a Rust value.
        let shout = namespace.get_item("shout")?.expect("defined by the script");
        let answer = shout.call1((PyString::new(py, "rust calls python"),))?;
        println!("call: {}", answer.extract::<String>()?);

        // Standard library modules.
        let json = py.import("json")?;
        let text = json.call_method1("dumps", (namespace.get_item("squares")?,))?;
        println!("json: {}", text.extract::<String>()?);

        // Errors come back as PyErr values.
        let err = py.eval(c"1 / 0", None, None).unwrap_err();
        println!("error: {err}");
        Ok(())
    })
}
