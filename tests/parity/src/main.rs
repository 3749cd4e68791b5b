//! PyO3 parity probe: one source, built once against this workspace and once against
//! `pyo3 = "=0.30.1"` (see `scripts/parity.sh`). It defines functions, classes and enums of
//! the common shapes, then runs `cases.py`, which calls them with good and bad input and
//! prints one line per call: the result, or the exception type and message. Two builds that
//! behave the same print the same lines (object addresses aside).
// (Derived fields are read only through `Debug`; the declarative modules spell their imports
// as users do, some of them unused.)
#![allow(clippy::all, dead_code, unused_imports)]

use pyo3::prelude::*;

mod api_more;
mod classes;
mod classes_extra;
mod errors_more;
mod fields_more;
mod protocols_more;
mod classes_more;
mod extract;
mod functions;
mod functions_more;
mod modules;
mod std_more;
#[cfg(feature = "full")]
mod optional;

#[cfg(feature = "full")]
mod asyncs;
use pyo3::types::{IntoPyDict, PyDict, PyTuple};

use classes::*;
use classes_more::*;
use extract::*;
use functions::*;
use modules::*;

fn main() {
    Python::attach(|py| {
        let m = pyo3::types::PyModule::new(py, "m").unwrap();
        for f in [
            wrap_pyfunction!(one, &m).unwrap(),
            wrap_pyfunction!(two, &m).unwrap(),
            wrap_pyfunction!(mixed, &m).unwrap(),
            wrap_pyfunction!(var, &m).unwrap(),
            wrap_pyfunction!(strs, &m).unwrap(),
            wrap_pyfunction!(noargs, &m).unwrap(),
            wrap_pyfunction!(kwonly, &m).unwrap(),
            wrap_pyfunction!(three, &m).unwrap(),
            wrap_pyfunction!(small, &m).unwrap(),
            wrap_pyfunction!(boolf, &m).unwrap(),
            wrap_pyfunction!(ext, &m).unwrap(),
            wrap_pyfunction!(panicker, &m).unwrap(),
            wrap_pyfunction!(conv, &m).unwrap(),
            wrap_pyfunction!(derive, &m).unwrap(),
            wrap_pyfunction!(take_n, &m).unwrap(),
            wrap_pyfunction!(std_err, &m).unwrap(),
            wrap_pyfunction!(fmt_obj, &m).unwrap(),
            wrap_pyfunction!(api, &m).unwrap(),
            wrap_pyfunction!(panic_any_payload, &m).unwrap(),
            wrap_pyfunction!(chained, &m).unwrap(),
            wrap_pyfunction!(std_more::ext2, &m).unwrap(),
            wrap_pyfunction!(std_more::api2, &m).unwrap(),
            wrap_pyfunction!(api_more::api3, &m).unwrap(),
            wrap_pyfunction!(api_more::modapi, &m).unwrap(),
            wrap_pyfunction!(functions_more::defaults, &m).unwrap(),
            wrap_pyfunction!(functions_more::opt_tail, &m).unwrap(),
            wrap_pyfunction!(functions_more::opt_sig, &m).unwrap(),
            wrap_pyfunction!(functions_more::with_from, &m).unwrap(),
            wrap_pyfunction!(functions_more::original_name, &m).unwrap(),
            wrap_pyfunction!(functions_more::no_sig, &m).unwrap(),
            wrap_pyfunction!(functions_more::with_module, &m).unwrap(),
            wrap_pyfunction!(functions_more::nested, &m).unwrap(),
            wrap_pyfunction!(functions_more::refs, &m).unwrap(),
            wrap_pyfunction!(functions_more::returns, &m).unwrap(),
            wrap_pyfunction!(functions_more::unit_result, &m).unwrap(),
            wrap_pyfunction!(functions_more::std_result, &m).unwrap(),
            wrap_pyfunction!(functions_more::star_mid, &m).unwrap(),
            wrap_pyfunction!(functions_more::documented, &m).unwrap(),
            wrap_pyfunction!(functions_more::old_fn, &m).unwrap(),
            wrap_pyfunction!(functions_more::two_warnings, &m).unwrap(),
            wrap_pyfunction!(functions_more::warn_from_rust, &m).unwrap(),
            wrap_pyfunction!(functions_more::closure_fn, &m).unwrap(),
        ] {
            m.add_function(f).unwrap();
        }
        m.add_class::<C>().unwrap();
        m.add_class::<F>().unwrap();
        m.add_class::<D>().unwrap();
        m.add_class::<N>().unwrap();
        m.add_class::<O>().unwrap();
        m.add_class::<Q>().unwrap();
        m.add_class::<Ord3>().unwrap();
        m.add_class::<RichError>().unwrap();
        m.add_class::<SnakeCase>().unwrap();
        m.add_class::<Panicky>().unwrap();
        m.add_class::<EqOnly>().unwrap();
        m.add_class::<Seq>().unwrap();
        m.add_class::<Map>().unwrap();
        m.add_class::<Base2>().unwrap();
        m.add_class::<Sub2>().unwrap();
        m.add_class::<DropPanics>().unwrap();
        m.add_class::<NoNew>().unwrap();
        m.add_class::<E>().unwrap();
        m.add_class::<CE>().unwrap();
        classes_extra::register(&m).unwrap();
        errors_more::register(&m).unwrap();
        fields_more::register(&m).unwrap();
        m.add_class::<functions_more::Warner>().unwrap();
        protocols_more::register(&m).unwrap();
        m.add("MyError", py.get_type::<MyError>()).unwrap();
        m.add("decl", pyo3::wrap_pymodule!(decl)(py)).unwrap();
        m.add("order", pyo3::wrap_pymodule!(order)(py)).unwrap();
        m.add("funcmod", pyo3::wrap_pymodule!(func_module)(py))
            .unwrap();
        let g = PyDict::new(py);
        g.set_item("m", &m).unwrap();
        #[cfg(feature = "full")]
        {
            m.add_function(wrap_pyfunction!(optional::to_py, &m).unwrap())
                .unwrap();
            m.add_function(wrap_pyfunction!(optional::from_py, &m).unwrap())
                .unwrap();
            asyncs::register(&m).unwrap();
        }
        // Each argument is a file of calls, run in order in the same globals.
        for cases in std::env::args().skip(1) {
            g.set_item("__cases_path", cases).unwrap();
            py.run(c"exec(open(__cases_path).read())", Some(&g), None)
                .unwrap();
        }
    });
}
