//! The `multiple-pymethods` feature: each `#[pymethods]` block of a class submits its items to
//! an [`inventory`] registry of the class (`Pyo3MethodsInventoryFor<Class>`, declared by
//! `#[pyclass]`); the class merges them, once, when its type object is first built.

use std::sync::OnceLock;

use crate::impl_::pyclass::{PyClassItems, PyMethodDefType, PySlot};

/// The registry entry type `#[pyclass]` declares for its class.
pub trait PyClassInventory: inventory::Collect {
    /// The items of one `#[pymethods]` block.
    fn items(&'static self) -> &'static PyClassItems;
}

/// All submitted blocks of a class as one [`PyClassItems`] (built on first use, then kept).
///
/// A `__traverse__` or a `#[new]` text signature is taken from the first block that has one.
pub fn merged_items<I: PyClassInventory>(
    cell: &'static OnceLock<&'static PyClassItems>,
) -> &'static PyClassItems {
    cell.get_or_init(|| {
        let mut methods: Vec<PyMethodDefType> = Vec::new();
        let mut slots: Vec<PySlot> = Vec::new();
        let mut text_signature = None;
        let mut traverse = None;
        for entry in inventory::iter::<I> {
            let items = entry.items();
            methods.extend(items.methods.iter().copied());
            slots.extend(items.slots.iter().copied());
            text_signature = text_signature.or(items.text_signature);
            traverse = traverse.or(items.traverse);
        }
        Box::leak(Box::new(PyClassItems {
            methods: Box::leak(methods.into_boxed_slice()),
            slots: Box::leak(slots.into_boxed_slice()),
            text_signature,
            traverse,
        }))
    })
}
