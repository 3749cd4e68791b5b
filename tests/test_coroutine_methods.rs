//! `async fn` under `#[pymethods]`: `&self`/`&mut self` receivers of frozen and non-frozen
//! classes (the borrow lasts until the coroutine finishes or is dropped), `Py<Self>`,
//! static and class methods, and the coroutines' `__qualname__`.
#![cfg(all(
    feature = "experimental-async",
    feature = "macros",
    feature = "auto-initialize"
))]

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

/// Pending until the coroutine is resumed `n` more times (each poll wakes the waker at once,
/// so the coroutine yields `None` and asyncio resumes the task immediately).
struct Yields(u32);

impl Future for Yields {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            return Poll::Ready(());
        }
        self.0 -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[pyclass]
struct Counter {
    value: u64,
}

#[pymethods]
impl Counter {
    #[new]
    fn new() -> Self {
        Counter { value: 0 }
    }

    /// Increments, yielding to the loop in the middle.
    async fn increment(&mut self, by: u64) -> u64 {
        let before = self.value;
        Yields(2).await;
        self.value = before + by;
        self.value
    }

    async fn get(&self) -> u64 {
        Yields(1).await;
        self.value
    }

    fn get_sync(&self) -> u64 {
        self.value
    }

    async fn owned(slf: Py<Self>) -> u64 {
        Yields(1).await;
        Python::attach(|py| slf.borrow(py).value)
    }

    #[staticmethod]
    async fn double(x: u64) -> u64 {
        Yields(1).await;
        x * 2
    }

    #[classmethod]
    async fn class_name(cls: Py<PyType>) -> PyResult<String> {
        Yields(1).await;
        Python::attach(|py| Ok(cls.bind(py).name()?.to_string()))
    }
}

#[pyclass]
struct Named {
    name: String,
}

#[pymethods]
impl Named {
    /// The output borrows from `self` (and from an argument): it is converted before the
    /// future releases them.
    async fn name_or<'a>(&'a self, default: &'a str) -> &'a str {
        Yields(1).await;
        if self.name.is_empty() {
            default
        } else {
            &self.name
        }
    }
}

/// `#[pyclass]` reference arguments: borrowed until the coroutine finishes.
#[pyfunction]
async fn transfer(from: &mut Counter, to: &mut Counter, seen: Option<&Named>) -> String {
    Yields(1).await;
    to.value += from.value;
    from.value = 0;
    seen.map(|n| n.name.clone()).unwrap_or_default()
}

#[pyclass(frozen)]
struct Frozen {
    value: AtomicU64,
}

#[pymethods]
impl Frozen {
    #[new]
    fn new() -> Self {
        Frozen {
            value: AtomicU64::new(0),
        }
    }

    async fn add(&self, by: u64) -> u64 {
        Yields(1).await;
        self.value.fetch_add(by, Ordering::SeqCst) + by
    }
}

fn run(code: &str) {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        globals
            .set_item("Counter", py.get_type::<Counter>())
            .unwrap();
        globals.set_item("Frozen", py.get_type::<Frozen>()).unwrap();
        let named = |name: &str| Py::new(py, Named { name: name.into() }).unwrap();
        globals.set_item("named", named("rust")).unwrap();
        globals.set_item("unnamed", named("")).unwrap();
        globals
            .set_item("transfer", pyo3::wrap_pyfunction!(transfer, py).unwrap())
            .unwrap();
        let code = std::ffi::CString::new(format!("import asyncio\n{code}")).unwrap();
        if let Err(e) = py.run(&code, Some(&globals), None) {
            e.print(py);
            panic!("python code failed: {e}");
        }
    });
}

#[test]
fn receivers() {
    run(r#"
async def main():
    c = Counter()
    assert await c.increment(5) == 5
    assert await c.get() == 5
    assert await c.owned() == 5
    assert await Counter.double(21) == 42
    assert await c.double(1) == 2
    assert await Counter.class_name() == "Counter"
    assert await named.name_or("x") == "rust"
    assert await unnamed.name_or("x") == "x"
    # Shared borrows coexist.
    assert await asyncio.gather(c.get(), c.get(), c.get()) == [5, 5, 5]
asyncio.run(main())
"#);
}

#[test]
fn mut_borrow_lasts_until_the_coroutine_ends() {
    run(r#"
c = Counter()
pending = c.increment(1)
# The borrow starts when the coroutine first runs, as the body of a Python method would.
assert c.get_sync() == 0
other = c.increment(1)
assert pending.send(None) is None
try:
    c.get_sync()
except RuntimeError as e:
    assert str(e) == "Already mutably borrowed", str(e)
else:
    raise AssertionError("borrowed twice")
try:
    other.send(None)
except RuntimeError as e:
    assert str(e) == "Already borrowed", str(e)
else:
    raise AssertionError("borrowed twice")
try:
    while True:
        pending.send(None)
except StopIteration as e:
    assert e.value == 1
# Finished: the borrow is released.
assert c.get_sync() == 1

# Dropping (or closing) an unfinished coroutine releases the borrow too.
pending = c.increment(1)
assert pending.send(None) is None
del pending
assert c.get_sync() == 1
pending = c.increment(1)
assert pending.send(None) is None
pending.close()
assert c.get_sync() == 1

# A shared borrow blocks `&mut self` methods while it lives.
reading = c.get()
assert reading.send(None) is None
try:
    asyncio.run(c.increment(1))
except RuntimeError as e:
    assert str(e) == "Already borrowed"
else:
    raise AssertionError("borrowed mutably while shared")
reading.close()
assert asyncio.run(c.increment(1)) == 2
"#);
}

#[test]
fn pyclass_reference_arguments() {
    run(r#"
a, b = Counter(), Counter()
asyncio.run(a.increment(3))
co = transfer(a, b, named)
# As in PyO3, the arguments are converted (and borrowed) when the coroutine first runs.
assert a.get_sync() == 3
assert co.send(None) is None
try:
    a.get_sync()
except RuntimeError as e:
    assert str(e) == "Already mutably borrowed"
else:
    raise AssertionError("argument not borrowed")
try:
    co.send(None)
except StopIteration as stop:
    assert stop.value == "rust", stop.value
else:
    raise AssertionError("not finished")
assert (a.get_sync(), b.get_sync()) == (0, 3)
assert asyncio.run(transfer(b, a, None)) == ""
assert (a.get_sync(), b.get_sync()) == (3, 0)
# The same object twice: the second mutable borrow fails when the coroutine starts.
co = transfer(a, a, None)
try:
    asyncio.run(co)
except RuntimeError as e:
    assert str(e) == "Already borrowed", str(e)
else:
    raise AssertionError("borrowed twice")
assert a.get_sync() == 3
"#);
}

#[test]
fn frozen_receiver_takes_no_borrow() {
    run(r#"
async def main():
    f = Frozen()
    results = await asyncio.gather(*(f.add(1) for _ in range(5)))
    assert sorted(results) == [1, 2, 3, 4, 5]
asyncio.run(main())
"#);
}

#[test]
fn qualified_names() {
    run(r#"
c = Counter()
co = c.get()
assert co.__name__ == "get", co.__name__
assert co.__qualname__ == "Counter.get", co.__qualname__
co.close()
co = Counter.double(1)
assert co.__qualname__ == "Counter.double"
co.close()
co = Frozen().add(1)
assert co.__qualname__ == "Frozen.add"
co.close()
"#);
}
