//! Typed access to the [buffer protocol](https://docs.python.org/3/c-api/buffer.html):
//! [`PyBuffer<T>`] for objects such as `bytes`, `bytearray`, `array.array` or numpy arrays.
//!
//! The element type `T` is checked against the buffer's `struct`-module format string when the
//! buffer is acquired (see [`Element`]).
//!
//! ```
//! use pyo3::prelude::*;
//! use pyo3::buffer::PyBuffer;
//!
//! Python::attach(|py| {
//!     let array = py.eval(c"__import__('array').array('i', [1, 2, 3])", None, None).unwrap();
//!     let buffer = PyBuffer::<i32>::get(&array).unwrap();
//!     assert_eq!(buffer.to_vec(py).unwrap(), vec![1, 2, 3]);
//!     buffer.copy_from_slice(py, &[4, 5, 6]).unwrap();
//!     assert_eq!(array.to_string(), "array('i', [4, 5, 6])");
//! });
//! ```

use std::cell;
use std::ffi::{c_char, CStr};
use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::ptr::NonNull;

use crate::exceptions::PyBufferError;
use crate::internal::ptr_ext::error_on_minusone;
use crate::{ffi, Borrowed, Bound, FromPyObject, PyAny, PyErr, PyResult, Python};

/// A buffer acquired from a Python object, with no element type assumed: its shape, strides,
/// format and raw memory. [`into_typed`](PyUntypedBuffer::into_typed) /
/// [`as_typed`](PyUntypedBuffer::as_typed) check the format against an [`Element`] type.
///
/// The buffer is released when this is dropped (or by [`release`](PyUntypedBuffer::release)).
#[repr(transparent)]
pub struct PyUntypedBuffer(Pin<Box<ffi::Py_buffer>>);

/// A buffer acquired from a Python object, viewed as elements of type `T`. Dereferences to
/// [`PyUntypedBuffer`] for the properties that do not depend on `T`.
///
/// The buffer is released when this is dropped (or by [`release`](PyBuffer::release)).
#[repr(transparent)]
pub struct PyBuffer<T>(PyUntypedBuffer, PhantomData<[T]>);

// SAFETY: the Py_buffer is only read (its data only through methods that take `Python`), and
// releasing it attaches to the interpreter.
unsafe impl Send for PyUntypedBuffer {}
// SAFETY: as above.
unsafe impl Sync for PyUntypedBuffer {}

impl<T> std::ops::Deref for PyBuffer<T> {
    type Target = PyUntypedBuffer;

    #[inline]
    fn deref(&self) -> &PyUntypedBuffer {
        &self.0
    }
}

impl<T> fmt::Debug for PyBuffer<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_buffer(self.raw(), "PyBuffer", f)
    }
}

impl fmt::Debug for PyUntypedBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_buffer(self.raw(), "PyUntypedBuffer", f)
    }
}

fn debug_buffer(buf: &ffi::Py_buffer, name: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.debug_struct(name)
        .field("buf", &buf.buf)
        .field("obj", &buf.obj)
        .field("len", &buf.len)
        .field("itemsize", &buf.itemsize)
        .field("readonly", &buf.readonly)
        .field("ndim", &buf.ndim)
        .field("format", &buf.format)
        .field("shape", &buf.shape)
        .field("strides", &buf.strides)
        .field("suboffsets", &buf.suboffsets)
        .field("internal", &buf.internal)
        .finish()
}

/// The kind of the elements described by a buffer format string.
#[derive(Copy, Clone, Debug, Eq, PartialEq)]
pub enum ElementType {
    /// A signed integer of `bytes` bytes.
    SignedInteger {
        /// The size in bytes.
        bytes: usize,
    },
    /// An unsigned integer of `bytes` bytes.
    UnsignedInteger {
        /// The size in bytes.
        bytes: usize,
    },
    /// A `bool` (`?`).
    Bool,
    /// A floating-point number of `bytes` bytes.
    Float {
        /// The size in bytes.
        bytes: usize,
    },
    /// Any other format.
    Unknown,
}

impl ElementType {
    /// The element type described by a `struct`-module format string of a single element
    /// (with an optional byte-order prefix; `@` or none means native sizes).
    ///
    /// ```
    /// use pyo3::buffer::ElementType;
    ///
    /// assert_eq!(ElementType::from_format(c"<i"), ElementType::SignedInteger { bytes: 4 });
    /// assert_eq!(ElementType::from_format(c"d"), ElementType::Float { bytes: 8 });
    /// assert_eq!(ElementType::from_format(c"2i"), ElementType::Unknown);
    /// ```
    pub fn from_format(format: &CStr) -> ElementType {
        match format.to_bytes() {
            [c] | [b'@', c] => native_element_type(*c),
            [b'=' | b'<' | b'>' | b'!', c] => standard_element_type(*c),
            _ => ElementType::Unknown,
        }
    }
}

/// Element types of format characters with native sizes.
fn native_element_type(c: u8) -> ElementType {
    use std::mem::size_of;
    use ElementType::*;
    match c {
        b'c' => UnsignedInteger {
            bytes: size_of::<c_char>(),
        },
        b'b' => SignedInteger { bytes: 1 },
        b'B' => UnsignedInteger { bytes: 1 },
        b'?' => Bool,
        b'h' => SignedInteger {
            bytes: size_of::<std::ffi::c_short>(),
        },
        b'H' => UnsignedInteger {
            bytes: size_of::<std::ffi::c_ushort>(),
        },
        b'i' => SignedInteger {
            bytes: size_of::<std::ffi::c_int>(),
        },
        b'I' => UnsignedInteger {
            bytes: size_of::<std::ffi::c_uint>(),
        },
        b'l' => SignedInteger {
            bytes: size_of::<std::ffi::c_long>(),
        },
        b'L' => UnsignedInteger {
            bytes: size_of::<std::ffi::c_ulong>(),
        },
        b'q' => SignedInteger {
            bytes: size_of::<std::ffi::c_longlong>(),
        },
        b'Q' => UnsignedInteger {
            bytes: size_of::<std::ffi::c_ulonglong>(),
        },
        b'n' => SignedInteger {
            bytes: size_of::<isize>(),
        },
        b'N' => UnsignedInteger {
            bytes: size_of::<usize>(),
        },
        b'e' => Float { bytes: 2 },
        b'f' => Float { bytes: 4 },
        b'd' => Float { bytes: 8 },
        _ => Unknown,
    }
}

/// Element types of format characters with standard sizes.
fn standard_element_type(c: u8) -> ElementType {
    use ElementType::*;
    match c {
        b'c' | b'B' => UnsignedInteger { bytes: 1 },
        b'b' => SignedInteger { bytes: 1 },
        b'?' => Bool,
        b'h' => SignedInteger { bytes: 2 },
        b'H' => UnsignedInteger { bytes: 2 },
        b'i' | b'l' => SignedInteger { bytes: 4 },
        b'I' | b'L' => UnsignedInteger { bytes: 4 },
        b'q' => SignedInteger { bytes: 8 },
        b'Q' => UnsignedInteger { bytes: 8 },
        b'e' => Float { bytes: 2 },
        b'f' => Float { bytes: 4 },
        b'd' => Float { bytes: 8 },
        _ => Unknown,
    }
}

/// Whether the byte-order prefix of `format` (if any) matches this machine.
fn is_matching_endian(format: &CStr) -> bool {
    match format.to_bytes().first() {
        Some(b'<') => cfg!(target_endian = "little"),
        Some(b'>' | b'!') => cfg!(target_endian = "big"),
        _ => true,
    }
}

/// Rust types that can be the elements of a [`PyBuffer`].
///
/// # Safety
/// `is_compatible_format` must only accept formats whose elements have exactly the size and
/// representation of `Self`.
pub unsafe trait Element: Copy {
    /// Whether buffer elements of this `struct` format can be read as `Self`.
    fn is_compatible_format(format: &CStr) -> bool;
}

macro_rules! impl_element {
    ($t:ty, $kind:ident) => {
        // SAFETY: the format must describe exactly this size and kind, in native byte order.
        unsafe impl Element for $t {
            fn is_compatible_format(format: &CStr) -> bool {
                is_matching_endian(format)
                    && ElementType::from_format(format)
                        == ElementType::$kind {
                            bytes: std::mem::size_of::<$t>(),
                        }
            }
        }
    };
}

impl_element!(u8, UnsignedInteger);
impl_element!(u16, UnsignedInteger);
impl_element!(u32, UnsignedInteger);
impl_element!(u64, UnsignedInteger);
impl_element!(usize, UnsignedInteger);
impl_element!(i8, SignedInteger);
impl_element!(i16, SignedInteger);
impl_element!(i32, SignedInteger);
impl_element!(i64, SignedInteger);
impl_element!(isize, SignedInteger);
impl_element!(f32, Float);
impl_element!(f64, Float);

/// An element of a buffer that Rust may only read (Python code may still change it, so it is
/// read by copy, never by reference).
#[repr(transparent)]
pub struct ReadOnlyCell<T: Element>(cell::UnsafeCell<T>);

impl<T: Element> ReadOnlyCell<T> {
    /// The current value.
    #[inline]
    pub fn get(&self) -> T {
        // SAFETY: the cell points into a live buffer; the value is copied out.
        unsafe { *self.0.get() }
    }

    /// A pointer to the element.
    #[inline]
    pub fn as_ptr(&self) -> *const T {
        self.0.get()
    }
}

impl<'a, 'py, T: Element> FromPyObject<'a, 'py> for PyBuffer<T> {
    type Error = PyErr;

    /// Acquires the buffer of `obj` ([`PyBuffer::get`]).
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        Self::get(&obj)
    }
}

impl PyUntypedBuffer {
    /// Acquires the buffer of `obj` (the `TypeError` of objects without the buffer protocol,
    /// a `BufferError` if the exporter gives no shape or strides).
    pub fn get(obj: &Bound<'_, PyAny>) -> PyResult<PyUntypedBuffer> {
        let mut buf = Box::pin(ffi::Py_buffer::new());
        // SAFETY: attached; `buf` is a valid, pinned Py_buffer to fill.
        error_on_minusone(obj.py(), unsafe {
            ffi::PyObject_GetBuffer(
                obj.as_ptr(),
                &mut *buf as *mut ffi::Py_buffer,
                ffi::PyBUF_FULL_RO,
            )
        })?;
        // From here on, dropping `buf` releases the buffer.
        let buf = PyUntypedBuffer(buf);
        if buf.raw().shape.is_null() {
            Err(PyBufferError::new_err("shape is null"))
        } else if buf.raw().strides.is_null() {
            Err(PyBufferError::new_err("strides is null"))
        } else {
            Ok(buf)
        }
    }

    /// The `Py_buffer` itself.
    #[inline]
    fn raw(&self) -> &ffi::Py_buffer {
        &self.0
    }

    /// Checks that the elements can be read as `T`: same size, compatible format, aligned.
    fn check_element<T: Element>(&self) -> PyResult<()> {
        if std::mem::size_of::<T>() != self.item_size() || !T::is_compatible_format(self.format()) {
            Err(PyBufferError::new_err(format!(
                "buffer contents are not compatible with {}",
                std::any::type_name::<T>()
            )))
        } else if self.raw().buf.align_offset(std::mem::align_of::<T>()) != 0 {
            Err(PyBufferError::new_err(format!(
                "buffer contents are insufficiently aligned for {}",
                std::any::type_name::<T>()
            )))
        } else {
            Ok(())
        }
    }

    /// This buffer viewed as elements of `T`, if its format, item size and alignment allow it
    /// (a `BufferError` otherwise, and the buffer is released).
    pub fn into_typed<T: Element>(self) -> PyResult<PyBuffer<T>> {
        self.check_element::<T>()?;
        Ok(PyBuffer(self, PhantomData))
    }

    /// Like [`into_typed`](Self::into_typed), borrowing this buffer.
    pub fn as_typed<T: Element>(&self) -> PyResult<&PyBuffer<T>> {
        self.check_element::<T>()?;
        // SAFETY: `PyBuffer<T>` is a transparent wrapper of `PyUntypedBuffer` (plus a
        // zero-sized marker).
        Ok(unsafe { &*(self as *const PyUntypedBuffer).cast::<PyBuffer<T>>() })
    }

    /// The object that exported the buffer (the one given to `get`), if the exporter set it.
    /// Cloning it keeps the object alive after the buffer is released.
    pub fn obj<'py>(&self, _py: Python<'py>) -> Option<&Bound<'py, PyAny>> {
        if self.raw().obj.is_null() {
            None
        } else {
            // SAFETY: `Bound<'py, PyAny>` is a transparent wrapper of a non-null object pointer
            // (plus the zero-sized `Python` token); the buffer holds a reference to `obj`
            // for as long as `self` lives, and the caller is attached.
            Some(unsafe {
                &*(&self.raw().obj as *const *mut ffi::PyObject).cast::<Bound<'py, PyAny>>()
            })
        }
    }

    /// Pointer to the start of the buffer memory (only valid while attached: Python code may
    /// change the memory).
    #[inline]
    pub fn buf_ptr(&self) -> *mut std::ffi::c_void {
        self.raw().buf
    }

    /// Pointer to the item at `indices` (or, with fewer indices than dimensions, to the start
    /// of that sub-array).
    pub fn get_ptr(&self, indices: &[usize]) -> *mut std::ffi::c_void {
        let shape = &self.shape()[..indices.len()];
        for (i, (&index, &dim)) in indices.iter().zip(shape).enumerate() {
            assert!(
                index < dim,
                "index {index} out of range for dimension {i} of size {dim}"
            );
        }
        // SAFETY: the indices are in range; PyBuffer_GetPointer handles strides/suboffsets
        // (it reads `ndim` indices, so pad with zeros).
        unsafe {
            let mut full = indices
                .iter()
                .map(|&i| i as ffi::Py_ssize_t)
                .collect::<Vec<_>>();
            full.resize(self.dimensions(), 0);
            ffi::PyBuffer_GetPointer(self.raw(), full.as_ptr())
        }
    }

    /// Whether the buffer is read-only.
    #[inline]
    pub fn readonly(&self) -> bool {
        self.raw().readonly != 0
    }

    /// The size of one element in bytes.
    #[inline]
    pub fn item_size(&self) -> usize {
        self.raw().itemsize as usize
    }

    /// The total number of elements.
    #[inline]
    pub fn item_count(&self) -> usize {
        (self.raw().len as usize) / (self.raw().itemsize as usize)
    }

    /// `item_size() * item_count()`: the size of the data if it were contiguous.
    #[inline]
    pub fn len_bytes(&self) -> usize {
        self.raw().len as usize
    }

    /// The number of dimensions (0 for a scalar).
    #[inline]
    pub fn dimensions(&self) -> usize {
        self.raw().ndim as usize
    }

    /// The length of each dimension.
    #[inline]
    pub fn shape(&self) -> &[usize] {
        // SAFETY: `get` checked that shape is non-null; it has `ndim` non-negative entries.
        unsafe { std::slice::from_raw_parts(self.raw().shape.cast(), self.raw().ndim as usize) }
    }

    /// The number of bytes between consecutive elements of each dimension (may be negative).
    #[inline]
    pub fn strides(&self) -> &[isize] {
        // SAFETY: `get` checked that strides is non-null; it has `ndim` entries.
        unsafe { std::slice::from_raw_parts(self.raw().strides, self.raw().ndim as usize) }
    }

    /// The suboffsets of each dimension, for PIL-style indirect arrays (`None` if the buffer
    /// has none).
    #[inline]
    pub fn suboffsets(&self) -> Option<&[isize]> {
        if self.raw().suboffsets.is_null() {
            None
        } else {
            // SAFETY: non-null suboffsets have `ndim` entries.
            Some(unsafe {
                std::slice::from_raw_parts(self.raw().suboffsets, self.raw().ndim as usize)
            })
        }
    }

    /// The `struct`-module format string of the elements (`"B"` if the exporter gives none).
    #[inline]
    pub fn format(&self) -> &CStr {
        if self.raw().format.is_null() {
            c"B"
        } else {
            // SAFETY: a NUL-terminated string owned by the exporter for the buffer's lifetime.
            unsafe { CStr::from_ptr(self.raw().format) }
        }
    }

    /// Whether the data is C-contiguous (row-major).
    #[inline]
    pub fn is_c_contiguous(&self) -> bool {
        // SAFETY: a valid buffer.
        unsafe { ffi::PyBuffer_IsContiguous(self.raw(), b'C' as c_char) != 0 }
    }

    /// Whether the data is Fortran-contiguous (column-major).
    #[inline]
    pub fn is_fortran_contiguous(&self) -> bool {
        // SAFETY: a valid buffer.
        unsafe { ffi::PyBuffer_IsContiguous(self.raw(), b'F' as c_char) != 0 }
    }

    /// Releases the buffer now, using an existing attachment.
    pub fn release(self, _py: Python<'_>) {
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: attached; the buffer is released exactly once (Drop will not run) and the
        // box, moved out of the forgotten wrapper, is then dropped.
        unsafe {
            let mut inner: Pin<Box<ffi::Py_buffer>> = std::ptr::read(&this.0);
            ffi::PyBuffer_Release(&mut *inner);
            drop(inner);
        }
    }
}

impl<T: Element> PyBuffer<T> {
    /// Acquires the buffer of `obj`, checking that its elements are `T` (a `BufferError`
    /// otherwise, or the `TypeError` of objects without the buffer protocol).
    pub fn get(obj: &Bound<'_, PyAny>) -> PyResult<PyBuffer<T>> {
        PyUntypedBuffer::get(obj)?.into_typed()
    }

    /// The elements as a slice of read-only cells, if the buffer is C-contiguous.
    pub fn as_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [ReadOnlyCell<T>]> {
        // SAFETY: `ReadOnlyCell<T>` is a transparent `T`.
        unsafe { self.cells_if(self.is_c_contiguous()) }
    }

    /// The elements as a slice of cells, if the buffer is writable and C-contiguous.
    pub fn as_mut_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [cell::Cell<T>]> {
        // SAFETY: `Cell<T>` is a transparent `T`, and the buffer is writable.
        unsafe { self.cells_if(!self.readonly() && self.is_c_contiguous()) }
    }

    /// The elements as a slice of read-only cells, if the buffer is Fortran-contiguous.
    pub fn as_fortran_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [ReadOnlyCell<T>]> {
        // SAFETY: as for `as_slice`.
        unsafe { self.cells_if(self.is_fortran_contiguous()) }
    }

    /// The elements as a slice of cells, if the buffer is writable and Fortran-contiguous.
    pub fn as_fortran_mut_slice<'a>(&'a self, _py: Python<'a>) -> Option<&'a [cell::Cell<T>]> {
        // SAFETY: as for `as_mut_slice`.
        unsafe { self.cells_if(!self.readonly() && self.is_fortran_contiguous()) }
    }

    /// The memory as a raw slice pointer, if the buffer is C-contiguous (no slice reference is
    /// made: reading or writing through it is up to the caller, who must stay attached).
    pub fn as_slice_ptr(&self) -> Option<NonNull<[T]>> {
        self.slice_ptr_if(self.is_c_contiguous())
    }

    /// The memory as a raw slice pointer, if the buffer is Fortran-contiguous.
    pub fn as_fortran_slice_ptr(&self) -> Option<NonNull<[T]>> {
        self.slice_ptr_if(self.is_fortran_contiguous())
    }

    fn slice_ptr_if(&self, contiguous: bool) -> Option<NonNull<[T]>> {
        if !contiguous {
            return None;
        }
        // An exporter may give NULL for an empty buffer; a slice pointer must not be null.
        let start = NonNull::new(self.buf_ptr().cast::<T>()).unwrap_or(NonNull::dangling());
        Some(NonNull::slice_from_raw_parts(start, self.item_count()))
    }

    /// The buffer memory as a slice of `item_count` cells of type `C` if `contiguous` (the
    /// caller's check of the memory order it wants), else `None`.
    ///
    /// # Safety
    /// `C` must have the layout of `T`; a `C` that allows writes needs a writable buffer.
    unsafe fn cells_if<C>(&self, contiguous: bool) -> Option<&[C]> {
        if contiguous {
            // SAFETY: contiguous memory of `item_count` elements of `T` (checked in `get`),
            // valid while attached (the public callers take `Python`); `C` is laid out as `T`.
            Some(unsafe {
                std::slice::from_raw_parts(self.raw().buf as *const C, self.item_count())
            })
        } else {
            None
        }
    }

    /// Copies the elements, in C order, into `target`, whose length must be
    /// [`item_count`](PyUntypedBuffer::item_count) (a `BufferError` otherwise).
    pub fn copy_to_slice(&self, py: Python<'_>, target: &mut [T]) -> PyResult<()> {
        self.copy_to_slice_impl(py, target, b'C')
    }

    /// Copies the elements, in Fortran order, into `target`, whose length must be
    /// [`item_count`](PyUntypedBuffer::item_count) (a `BufferError` otherwise).
    pub fn copy_to_fortran_slice(&self, py: Python<'_>, target: &mut [T]) -> PyResult<()> {
        self.copy_to_slice_impl(py, target, b'F')
    }

    fn copy_to_slice_impl(&self, py: Python<'_>, target: &mut [T], fort: u8) -> PyResult<()> {
        if std::mem::size_of_val(target) != self.len_bytes() {
            return Err(PyBufferError::new_err(format!(
                "slice to copy to (of length {}) does not match buffer length of {}",
                target.len(),
                self.item_count()
            )));
        }
        // SAFETY: `target` has room for exactly `len_bytes` bytes.
        unsafe { self.copy_out(py, target.as_mut_ptr(), fort) }
    }

    /// Copies the whole buffer, in `fort` (`C` or `F`) order, to `dest`.
    ///
    /// # Safety
    /// `dest` must have room for [`len_bytes`](Self::len_bytes) bytes.
    unsafe fn copy_out(&self, py: Python<'_>, dest: *mut T, fort: u8) -> PyResult<()> {
        // SAFETY: attached (`py`); `dest` is large enough (caller).
        error_on_minusone(py, unsafe {
            ffi::PyBuffer_ToContiguous(dest.cast(), self.raw(), self.raw().len, fort as c_char)
        })
    }

    /// A copy of the elements in C order.
    pub fn to_vec(&self, py: Python<'_>) -> PyResult<Vec<T>> {
        self.to_vec_impl(py, b'C')
    }

    /// A copy of the elements in Fortran order.
    pub fn to_fortran_vec(&self, py: Python<'_>) -> PyResult<Vec<T>> {
        self.to_vec_impl(py, b'F')
    }

    fn to_vec_impl(&self, py: Python<'_>, fort: u8) -> PyResult<Vec<T>> {
        let item_count = self.item_count();
        let mut vec: Vec<T> = Vec::with_capacity(item_count);
        // SAFETY: the vector has room for `len_bytes` bytes; its length is set only after
        // every element was written.
        unsafe {
            self.copy_out(py, vec.as_mut_ptr(), fort)?;
            vec.set_len(item_count);
        }
        Ok(vec)
    }

    /// Copies `source`, in C order, into the buffer. Fails with a `BufferError` if the buffer
    /// is read-only or the lengths differ.
    pub fn copy_from_slice(&self, py: Python<'_>, source: &[T]) -> PyResult<()> {
        self.copy_from_slice_impl(py, source, b'C')
    }

    /// Copies `source`, in Fortran order, into the buffer. Fails with a `BufferError` if the
    /// buffer is read-only or the lengths differ.
    pub fn copy_from_fortran_slice(&self, py: Python<'_>, source: &[T]) -> PyResult<()> {
        self.copy_from_slice_impl(py, source, b'F')
    }

    fn copy_from_slice_impl(&self, py: Python<'_>, source: &[T], fort: u8) -> PyResult<()> {
        if self.readonly() {
            return Err(PyBufferError::new_err("cannot write to read-only buffer"));
        }
        if std::mem::size_of_val(source) != self.len_bytes() {
            return Err(PyBufferError::new_err(format!(
                "slice to copy from (of length {}) does not match buffer length of {}",
                source.len(),
                self.item_count()
            )));
        }
        // SAFETY: `source` holds exactly `len_bytes` bytes; the buffer is writable.
        error_on_minusone(py, unsafe {
            ffi::PyBuffer_FromContiguous(
                self.raw(),
                source.as_ptr().cast(),
                self.raw().len,
                fort as c_char,
            )
        })
    }

    /// Releases the buffer now, using an existing attachment.
    pub fn release(self, py: Python<'_>) {
        self.0.release(py)
    }
}

impl Drop for PyUntypedBuffer {
    fn drop(&mut self) {
        // Never initialize the interpreter to release a buffer, and never touch it during a
        // `__traverse__`: if it is not usable (e.g. finalized while this value lived on), the
        // buffer is leaked.
        if let Some(guard) = crate::internal::state::AttachGuard::acquire_if_initialized() {
            // SAFETY: attached through `guard`; the buffer was acquired and not yet released.
            unsafe { ffi::PyBuffer_Release(&mut *self.0) };
            drop(guard);
        }
    }
}
