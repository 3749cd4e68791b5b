//! Python dictionaries ([`PyDict`]) and related types: the iterator [`BoundDictIterator`], the
//! view types and the [`IntoPyDict`] conversion trait.

use crate::conversion::{BoundObject, IntoPyObject};
use crate::internal::ptr_ext::{error_on_minusone, truth_or_err, FfiPtrExt};
use crate::types::{PyAny, PyList, PyMapping};
use crate::{ffi, Bound, PyErr, PyResult, Python};

/// A Python `dict` object.
///
/// Use it through [`Bound<'py, PyDict>`](Bound); its methods are in [`PyDictMethods`].
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyDict;
///
/// Python::attach(|py| -> PyResult<()> {
///     let dict = PyDict::new(py);
///     dict.set_item("answer", "forty-two")?;
///     assert_eq!(dict.get_item("answer")?.unwrap().extract::<String>()?, "forty-two");
///     Ok(())
/// })
/// # .unwrap();
/// ```
#[repr(transparent)]
pub struct PyDict(PyAny);

crate::pyobject_native_type_core!(PyDict, crate::pyobject_native_static_type_object!(ffi::PyDict_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyDict_Check);
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_native_type_sized!(PyDict, ffi::PyDictObject);
#[cfg(not(any(Py_LIMITED_API, PyPy)))]
crate::pyobject_subclassable_native_type!(PyDict, ffi::PyDictObject);

/// A Python `dict_keys` view (the result of `dict.keys()`).
#[cfg(not(any(PyPy, GraalPy)))]
#[repr(transparent)]
pub struct PyDictKeys(PyAny);

#[cfg(not(any(PyPy, GraalPy)))]
crate::pyobject_native_type_core!(PyDictKeys, crate::pyobject_native_static_type_object!(ffi::PyDictKeys_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyDictKeys_Check);

/// A Python `dict_values` view (the result of `dict.values()`).
#[cfg(not(any(PyPy, GraalPy)))]
#[repr(transparent)]
pub struct PyDictValues(PyAny);

#[cfg(not(any(PyPy, GraalPy)))]
crate::pyobject_native_type_core!(PyDictValues, crate::pyobject_native_static_type_object!(ffi::PyDictValues_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyDictValues_Check);

/// A Python `dict_items` view (the result of `dict.items()`).
#[cfg(not(any(PyPy, GraalPy)))]
#[repr(transparent)]
pub struct PyDictItems(PyAny);

#[cfg(not(any(PyPy, GraalPy)))]
crate::pyobject_native_type_core!(PyDictItems, crate::pyobject_native_static_type_object!(ffi::PyDictItems_Type), #module = ::std::option::Option::Some("builtins"), #checkfunction = ffi::PyDictItems_Check);

impl PyDict {
    /// Creates a new empty dict.
    pub fn new(py: Python<'_>) -> Bound<'_, PyDict> {
        // SAFETY: attached; PyDict_New only fails on memory exhaustion.
        unsafe { ffi::PyDict_New().assume_owned(py).cast_into_unchecked() }
    }

    /// Creates a dict from a sequence of key-value pairs, as `dict(seq)` does for an iterable
    /// of pairs (a `ValueError` or `TypeError` if an element is not a pair).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyDict;
    ///
    /// Python::attach(|py| {
    ///     let pairs = py.eval(c"[('a', 1), ('b', 2)]", None, None).unwrap();
    ///     let dict = PyDict::from_sequence(&pairs).unwrap();
    ///     assert_eq!(dict.len(), 2);
    /// });
    /// ```
    #[cfg(not(any(PyPy, GraalPy)))]
    pub fn from_sequence<'py>(seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let py = seq.py();
        let dict = Self::new(py);
        // SAFETY: attached; both pointers are valid.
        error_on_minusone(py, unsafe {
            ffi::PyDict_MergeFromSeq2(dict.as_ptr(), seq.as_ptr(), 1)
        })?;
        Ok(dict)
    }
}

/// Methods of [`PyDict`], implemented for `Bound<'py, PyDict>`.
pub trait PyDictMethods<'py>: sealed::Sealed {
    /// A new dict with the same items, as `self.copy()`.
    fn copy(&self) -> PyResult<Bound<'py, PyDict>>;
    /// Removes all items, as `self.clear()`.
    fn clear(&self);
    /// The number of items, as `len(self)`.
    fn len(&self) -> usize;
    /// Whether the dict has no items.
    fn is_empty(&self) -> bool;
    /// Whether the dict has the key, as `key in self`.
    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>;
    /// The value for `key`, or `None` if it is missing (errors only come from hashing or
    /// comparing the key).
    fn get_item<K>(&self, key: K) -> PyResult<Option<Bound<'py, PyAny>>>
    where
        K: IntoPyObject<'py>;
    /// Sets `self[key] = value`.
    fn set_item<K, V>(&self, key: K, value: V) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>;
    /// Inserts `default_value` under `key` unless the key is present (as `dict.setdefault`,
    /// without returning the value): `Ok(true)` if it was inserted, `Ok(false)` if the key was
    /// already there (its value is unchanged).
    fn set_default<K, V>(&self, key: K, default_value: V) -> PyResult<bool>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>;
    /// Like [`set_default`](Self::set_default), also returning the value `key` maps to
    /// afterwards: `(true, default_value)` if it was inserted, `(false, existing)` otherwise.
    fn set_default_with_result<K, V>(
        &self,
        key: K,
        default_value: V,
    ) -> PyResult<(bool, Bound<'py, PyAny>)>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>;
    /// Deletes `self[key]` (a `KeyError` if it is missing).
    fn del_item<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>;
    /// A list of the keys, as `list(self.keys())`.
    fn keys(&self) -> Bound<'py, PyList>;
    /// A list of the values, as `list(self.values())`.
    fn values(&self) -> Bound<'py, PyList>;
    /// A list of the `(key, value)` tuples, as `list(self.items())`.
    fn items(&self) -> Bound<'py, PyList>;
    /// An iterator over the `(key, value)` pairs.
    ///
    /// Like Python's own dict iteration, the iterator panics if the dict changes size (or its
    /// keys change) while it is being iterated.
    fn iter(&self) -> BoundDictIterator<'py>;
    /// Calls `closure` with each `(key, value)` pair, holding the dict's lock on free-threaded
    /// builds (on builds with a GIL this is a plain iteration). Stops at the first error.
    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>, Bound<'py, PyAny>) -> PyResult<()>;
    /// The dict as a [`PyMapping`].
    fn as_mapping(&self) -> &Bound<'py, PyMapping>;
    /// Converts the dict into a [`PyMapping`].
    fn into_mapping(self) -> Bound<'py, PyMapping>;
    /// Adds the items of `other`, replacing existing keys, as `self.update(other)`.
    fn update(&self, other: &Bound<'_, PyMapping>) -> PyResult<()>;
    /// Adds the items of `other` whose keys are not in `self` yet.
    fn update_if_missing(&self, other: &Bound<'_, PyMapping>) -> PyResult<()>;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::Bound<'_, super::PyDict> {}
}

/// The number of items of a dict (fast path outside the limited API).
#[inline]
fn dict_len(dict: &Bound<'_, PyDict>) -> ffi::Py_ssize_t {
    #[cfg(any(Py_LIMITED_API, PyPy, GraalPy, Py_GIL_DISABLED))]
    // SAFETY: attached; a dict.
    unsafe {
        ffi::PyDict_Size(dict.as_ptr())
    }
    #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy, Py_GIL_DISABLED)))]
    // SAFETY: attached; a dict.
    unsafe {
        ffi::PyDict_GET_SIZE(dict.as_ptr())
    }
}

impl<'py> PyDictMethods<'py> for Bound<'py, PyDict> {
    fn copy(&self) -> PyResult<Bound<'py, PyDict>> {
        // SAFETY: attached; returns a new dict or NULL.
        unsafe {
            ffi::PyDict_Copy(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|d| d.cast_into_unchecked())
        }
    }

    fn clear(&self) {
        // SAFETY: attached; a dict.
        unsafe { ffi::PyDict_Clear(self.as_ptr()) }
    }

    #[inline]
    fn len(&self) -> usize {
        dict_len(self) as usize
    }

    #[inline]
    fn is_empty(&self) -> bool {
        dict_len(self) == 0
    }

    fn contains<K>(&self, key: K) -> PyResult<bool>
    where
        K: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        // SAFETY: attached; valid pointers.
        truth_or_err(py, unsafe {
            ffi::PyDict_Contains(self.as_ptr(), key.as_ptr())
        })
    }

    fn get_item<K>(&self, key: K) -> PyResult<Option<Bound<'py, PyAny>>>
    where
        K: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        let mut result = std::ptr::null_mut();
        // SAFETY: attached; `result` receives a new reference or NULL.
        match unsafe { ffi::compat::PyDict_GetItemRef(self.as_ptr(), key.as_ptr(), &mut result) } {
            -1 => Err(PyErr::fetch(py)),
            0 => Ok(None),
            // SAFETY: a new reference.
            _ => Ok(Some(unsafe { result.assume_owned(py) })),
        }
    }

    fn set_item<K, V>(&self, key: K, value: V) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        let value = value.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        // SAFETY: attached; PyDict_SetItem does not steal references.
        error_on_minusone(py, unsafe {
            ffi::PyDict_SetItem(self.as_ptr(), key.as_ptr(), value.as_ptr())
        })
    }

    fn set_default<K, V>(&self, key: K, default_value: V) -> PyResult<bool>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        let value = default_value
            .into_pyobject(py)
            .map_err(Into::<PyErr>::into)?;
        // SAFETY: attached; with a NULL `result` no reference is returned.
        match unsafe {
            ffi::compat::PyDict_SetDefaultRef(
                self.as_ptr(),
                key.as_ptr(),
                value.as_ptr(),
                std::ptr::null_mut(),
            )
        } {
            -1 => Err(PyErr::fetch(py)),
            0 => Ok(true),
            _ => Ok(false),
        }
    }

    fn set_default_with_result<K, V>(
        &self,
        key: K,
        default_value: V,
    ) -> PyResult<(bool, Bound<'py, PyAny>)>
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        let value = default_value
            .into_pyobject(py)
            .map_err(Into::<PyErr>::into)?;
        let mut result = std::ptr::null_mut();
        // SAFETY: attached; on success `result` receives a new reference.
        let found = unsafe {
            ffi::compat::PyDict_SetDefaultRef(
                self.as_ptr(),
                key.as_ptr(),
                value.as_ptr(),
                &mut result,
            )
        };
        if found == -1 {
            return Err(PyErr::fetch(py));
        }
        // SAFETY: a new reference (set on success).
        Ok((found == 0, unsafe { result.assume_owned(py) }))
    }

    fn del_item<K>(&self, key: K) -> PyResult<()>
    where
        K: IntoPyObject<'py>,
    {
        let py = self.py();
        let key = key.into_pyobject(py).map_err(Into::<PyErr>::into)?;
        // SAFETY: attached; valid pointers.
        error_on_minusone(py, unsafe {
            ffi::PyDict_DelItem(self.as_ptr(), key.as_ptr())
        })
    }

    fn keys(&self) -> Bound<'py, PyList> {
        // SAFETY: attached; returns a new list (NULL only on memory exhaustion).
        unsafe {
            ffi::PyDict_Keys(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn values(&self) -> Bound<'py, PyList> {
        // SAFETY: as in `keys`.
        unsafe {
            ffi::PyDict_Values(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn items(&self) -> Bound<'py, PyList> {
        // SAFETY: as in `keys`.
        unsafe {
            ffi::PyDict_Items(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn iter(&self) -> BoundDictIterator<'py> {
        BoundDictIterator::new(self.clone())
    }

    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>, Bound<'py, PyAny>) -> PyResult<()>,
    {
        #[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
        {
            // The guard of `with_critical_section` also ends the section if `closure` panics.
            crate::sync::critical_section::with_critical_section(self.as_any(), || {
                self.iter().try_for_each(|(k, v)| closure(k, v))
            })
        }
        #[cfg(not(all(Py_GIL_DISABLED, not(Py_LIMITED_API))))]
        {
            self.iter().try_for_each(|(k, v)| closure(k, v))
        }
    }

    #[inline]
    fn as_mapping(&self) -> &Bound<'py, PyMapping> {
        // SAFETY: every dict is a mapping.
        unsafe { self.cast_unchecked() }
    }

    #[inline]
    fn into_mapping(self) -> Bound<'py, PyMapping> {
        // SAFETY: every dict is a mapping.
        unsafe { self.cast_into_unchecked() }
    }

    fn update(&self, other: &Bound<'_, PyMapping>) -> PyResult<()> {
        // SAFETY: attached; valid pointers.
        error_on_minusone(self.py(), unsafe {
            ffi::PyDict_Update(self.as_ptr(), other.as_ptr())
        })
    }

    fn update_if_missing(&self, other: &Bound<'_, PyMapping>) -> PyResult<()> {
        // SAFETY: attached; valid pointers; override = 0 keeps existing keys.
        error_on_minusone(self.py(), unsafe {
            ffi::PyDict_Merge(self.as_ptr(), other.as_ptr(), 0)
        })
    }
}

/// An iterator over the `(key, value)` pairs of a dict, from [`PyDictMethods::iter`].
///
/// It panics with `dictionary changed size during iteration` (or `dictionary keys changed
/// during iteration`) when the dict is modified while it is iterated, as Python's own dict
/// iterators raise `RuntimeError` in that case.
pub struct BoundDictIterator<'py> {
    dict: Bound<'py, PyDict>,
    pos: ffi::Py_ssize_t,
    /// The size of the dict when iteration started (`-1` once a change was detected).
    di_used: ffi::Py_ssize_t,
    /// The number of items still expected.
    remaining: ffi::Py_ssize_t,
}

impl<'py> BoundDictIterator<'py> {
    fn new(dict: Bound<'py, PyDict>) -> Self {
        let len = dict_len(&dict);
        BoundDictIterator {
            dict,
            pos: 0,
            di_used: len,
            remaining: len,
        }
    }

    /// One step of `PyDict_Next`, with the mutation checks of Python's own dict iterators: a
    /// changed size is found before the step, an item beyond the expected count (keys replaced
    /// at the same size) when the step finds it, which is then not returned.
    #[inline]
    fn next_unchecked(&mut self) -> Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        if self.di_used != dict_len(&self.dict) {
            self.di_used = -1;
            panic!("dictionary changed size during iteration");
        }
        let mut key = std::mem::MaybeUninit::<*mut ffi::PyObject>::uninit();
        let mut value = std::mem::MaybeUninit::<*mut ffi::PyObject>::uninit();
        // A local position: `self` then need not live in memory across the call.
        let mut pos = self.pos;
        // SAFETY: attached; a dict; `PyDict_Next` writes both out-pointers when it returns 1.
        let found = unsafe {
            ffi::PyDict_Next(
                self.dict.as_ptr(),
                &mut pos,
                key.as_mut_ptr(),
                value.as_mut_ptr(),
            )
        } != 0;
        self.pos = pos;
        if !found {
            return None;
        }
        if self.remaining == 0 {
            self.di_used = -1;
            panic!("dictionary keys changed during iteration");
        }
        self.remaining -= 1;
        let py = self.dict.py();
        // SAFETY: `PyDict_Next` returned 1, so both are borrowed, non-NULL references; they
        // become new references before anything else can run.
        unsafe {
            Some((
                key.assume_init().assume_borrowed_unchecked(py).to_owned(),
                value.assume_init().assume_borrowed_unchecked(py).to_owned(),
            ))
        }
    }
}

impl<'py> Iterator for BoundDictIterator<'py> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);

    fn next(&mut self) -> Option<Self::Item> {
        #[cfg(all(Py_GIL_DISABLED, not(Py_LIMITED_API)))]
        {
            let mut cs = ffi::PyCriticalSection::new();
            // SAFETY: attached; ended right after the step (the step only panics after the
            // section is ended by unwinding through `Guard`).
            struct Guard(*mut ffi::PyCriticalSection);
            impl Drop for Guard {
                fn drop(&mut self) {
                    unsafe { ffi::PyCriticalSection_End(self.0) }
                }
            }
            unsafe { ffi::PyCriticalSection_Begin(&mut cs, self.dict.as_ptr()) };
            let _guard = Guard(&mut cs);
            self.next_unchecked()
        }
        #[cfg(not(all(Py_GIL_DISABLED, not(Py_LIMITED_API))))]
        {
            self.next_unchecked()
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let len = self.len();
        (len, Some(len))
    }

    #[inline]
    fn count(self) -> usize {
        self.len()
    }
}

impl ExactSizeIterator for BoundDictIterator<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.remaining.max(0) as usize
    }
}

impl<'py> IntoIterator for Bound<'py, PyDict> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);
    type IntoIter = BoundDictIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        BoundDictIterator::new(self)
    }
}

impl<'py> IntoIterator for &Bound<'py, PyDict> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);
    type IntoIter = BoundDictIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Conversion of a sequence of key-value pairs into a [`PyDict`], e.g. for keyword arguments.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::IntoPyDict;
///
/// Python::attach(|py| -> PyResult<()> {
///     let kwargs = [("sep", "-")].into_py_dict(py)?;
///     let print_to_string = py.eval(c"lambda *a, sep: sep.join(a)", None, None)?;
///     let joined = print_to_string.call(("a", "b"), Some(&kwargs))?;
///     assert_eq!(joined.extract::<String>()?, "a-b");
///     Ok(())
/// })
/// # .unwrap();
/// ```
pub trait IntoPyDict<'py>: Sized {
    /// Converts `self` into a new dict.
    fn into_py_dict(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
}

impl<'py, T, I> IntoPyDict<'py> for I
where
    T: PyDictItem<'py>,
    I: IntoIterator<Item = T>,
{
    fn into_py_dict(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        self.into_iter().try_for_each(|item| {
            let (key, value) = item.unpack();
            dict.set_item(key, value)
        })?;
        Ok(dict)
    }
}

pub use self::item::PyDictItem;

mod item {
    use crate::conversion::IntoPyObject;

    /// An element of the iterables accepted by [`IntoPyDict`](super::IntoPyDict): a key-value
    /// pair.
    pub trait PyDictItem<'py> {
        /// The key type.
        type K: IntoPyObject<'py>;
        /// The value type.
        type V: IntoPyObject<'py>;
        /// Splits the item into its key and value.
        fn unpack(self) -> (Self::K, Self::V);
    }

    impl<'py, K, V> PyDictItem<'py> for (K, V)
    where
        K: IntoPyObject<'py>,
        V: IntoPyObject<'py>,
    {
        type K = K;
        type V = V;
        #[inline]
        fn unpack(self) -> (K, V) {
            self
        }
    }

    impl<'a, 'py, K, V> PyDictItem<'py> for &'a (K, V)
    where
        &'a K: IntoPyObject<'py>,
        &'a V: IntoPyObject<'py>,
    {
        type K = &'a K;
        type V = &'a V;
        #[inline]
        fn unpack(self) -> (&'a K, &'a V) {
            (&self.0, &self.1)
        }
    }
}

#[cfg(all(test, feature = "auto-initialize"))]
mod tests {
    use super::*;
    use crate::exceptions::PyKeyError;
    use crate::types::PyAnyMethods;

    #[test]
    fn basic_operations() {
        Python::attach(|py| {
            let dict = PyDict::new(py);
            assert!(dict.is_empty());
            dict.set_item("a", "x").unwrap();
            dict.set_item("b", "y").unwrap();
            assert_eq!(dict.len(), 2);
            assert!(dict.contains("a").unwrap());
            assert!(!dict.contains("z").unwrap());
            let b = dict.get_item("b").unwrap().unwrap();
            assert_eq!(b.extract::<String>().unwrap(), "y");
            assert!(dict.get_item("z").unwrap().is_none());
            dict.del_item("a").unwrap();
            let err = dict.del_item("a").unwrap_err();
            crate::test_common::assert_err::<PyKeyError>(py, &err, "'a'");
            let copy = dict.copy().unwrap();
            dict.clear();
            assert_eq!(dict.len(), 0);
            assert_eq!(copy.len(), 1);
        });
    }

    #[test]
    fn iteration_and_views() {
        Python::attach(|py| {
            let dict = [("a", "1"), ("b", "2"), ("c", "3")]
                .into_py_dict(py)
                .unwrap();
            let mut iter = dict.iter();
            assert_eq!(iter.len(), 3);
            let (k, v) = iter.next().unwrap();
            assert_eq!(k.extract::<String>().unwrap(), "a");
            assert_eq!(v.extract::<String>().unwrap(), "1");
            assert_eq!(iter.len(), 2);
            assert_eq!(iter.count(), 2);
            assert_eq!(dict.keys().repr().unwrap().to_string(), "['a', 'b', 'c']");
            assert_eq!(dict.values().repr().unwrap().to_string(), "['1', '2', '3']");
            assert_eq!(
                dict.items().repr().unwrap().to_string(),
                "[('a', '1'), ('b', '2'), ('c', '3')]"
            );
            let joined: String = (&dict)
                .into_iter()
                .map(|(_, v)| v.extract::<String>().unwrap())
                .collect();
            assert_eq!(joined, "123");
        });
    }

    #[test]
    #[should_panic(expected = "dictionary changed size during iteration")]
    fn mutation_during_iteration_panics() {
        Python::attach(|py| {
            let dict = [("a", true), ("b", false)].into_py_dict(py).unwrap();
            for (k, _) in &dict {
                let k: String = k.extract().unwrap();
                dict.set_item(k + "!", true).unwrap();
            }
        });
    }
}
