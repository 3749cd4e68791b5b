//! `PyRefMut::as_super` gives `&mut PyRefMutSuper<Base>`, an unsized view: two of them cannot
//! be swapped (with `&mut PyRefMut<Base>` this could leave a `PyRefMut<Sub>` pointing at a
//! plain `Base` object).
use pyo3::prelude::*;

#[pyclass(subclass)]
struct Base {
    n: u32,
}

#[pyclass(extends = Base)]
struct Sub;

fn swap_bases(a: &mut PyRefMut<'_, Sub>, b: &mut PyRefMut<'_, Sub>) {
    std::mem::swap(a.as_super(), b.as_super());
}

fn main() {}
