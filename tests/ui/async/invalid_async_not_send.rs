use std::rc::Rc;

use pyo3::prelude::*;

async fn tick() {}

#[pyfunction]
async fn holds_rc_across_await() -> usize {
    let shared = Rc::new(1);
    tick().await;
    *shared
}

fn main() {}
