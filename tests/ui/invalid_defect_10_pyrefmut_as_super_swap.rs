// `PyRefMut::as_super` must not hand out a `&mut PyRefMut<Base>`: swapping it with the
// `PyRefMut` of a plain base object would leave the subclass borrow pointing at an object
// without the subclass's fields.
use pyo3::prelude::*;

#[pyclass(subclass)]
struct Base {
    n: u32,
}

#[pyclass(extends = Base)]
struct Sub {
    m: u32,
}

fn main() {
    Python::attach(|py| {
        let sub = Bound::new(py, (Sub { m: 1 }, Base { n: 2 })).unwrap();
        let base = Bound::new(py, Base { n: 3 }).unwrap();
        let mut sub_ref = sub.borrow_mut();
        let mut base_ref = base.borrow_mut();
        std::mem::swap(sub_ref.as_super(), &mut base_ref);
        let _ = (sub_ref.m, base_ref.n);
    });
}
