#![cfg(feature = "auto-initialize")]
#![cfg(any(Py_3_11, not(Py_LIMITED_API)))]
//! `pyo3::buffer`: typed buffer access, element-type checks, copies, read-only checks.

mod common;

use pyo3::buffer::{Element, ElementType, PyBuffer};
use pyo3::exceptions::{PyBufferError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyByteArrayMethods, PyBytes, PyDict};

fn array<'py>(py: Python<'py>, code: &std::ffi::CStr) -> Bound<'py, PyAny> {
    let globals = PyDict::new(py);
    py.run(c"import array", Some(&globals), None).unwrap();
    py.eval(code, Some(&globals), None).unwrap()
}

#[test]
fn element_types() {
    assert_eq!(
        ElementType::from_format(c"b"),
        ElementType::SignedInteger { bytes: 1 }
    );
    assert_eq!(
        ElementType::from_format(c"@B"),
        ElementType::UnsignedInteger { bytes: 1 }
    );
    assert_eq!(ElementType::from_format(c"?"), ElementType::Bool);
    assert_eq!(
        ElementType::from_format(c"=q"),
        ElementType::SignedInteger { bytes: 8 }
    );
    assert_eq!(
        ElementType::from_format(c"<l"),
        ElementType::SignedInteger { bytes: 4 }
    );
    assert_eq!(
        ElementType::from_format(c"l"),
        ElementType::SignedInteger {
            bytes: std::mem::size_of::<std::ffi::c_long>()
        }
    );
    assert_eq!(
        ElementType::from_format(c"f"),
        ElementType::Float { bytes: 4 }
    );
    assert_eq!(
        ElementType::from_format(c"!e"),
        ElementType::Float { bytes: 2 }
    );
    assert_eq!(ElementType::from_format(c"x"), ElementType::Unknown);
    assert_eq!(ElementType::from_format(c"ii"), ElementType::Unknown);
    assert_eq!(ElementType::from_format(c""), ElementType::Unknown);
    assert!(i32::is_compatible_format(c"i"));
    assert!(i32::is_compatible_format(c"=i"));
    assert!(!i32::is_compatible_format(c"I"));
    assert!(!u32::is_compatible_format(c"f"));
    assert!(f64::is_compatible_format(c"d"));
    assert!(u8::is_compatible_format(c"B"));
    assert!(u8::is_compatible_format(c"c"));
    assert!(!i8::is_compatible_format(c"B"));
    #[cfg(target_endian = "little")]
    assert!(!i32::is_compatible_format(c">i"));
}

#[test]
fn bytes_buffer_is_readonly() {
    Python::attach(|py| {
        let bytes = PyBytes::new(py, b"abcd");
        let before = bytes.get_refcnt();
        let buf = PyBuffer::<u8>::get(&bytes).unwrap();
        // the buffer keeps the exporter alive
        assert_eq!(bytes.get_refcnt(), before + 1);
        assert!(buf.readonly());
        assert_eq!(buf.item_size(), 1);
        assert_eq!(buf.item_count(), 4);
        assert_eq!(buf.len_bytes(), 4);
        assert_eq!(buf.dimensions(), 1);
        assert_eq!(buf.shape(), &[4]);
        assert_eq!(buf.strides(), &[1]);
        assert_eq!(buf.suboffsets(), None);
        assert_eq!(buf.format().to_str().unwrap(), "B");
        assert!(buf.is_c_contiguous());
        assert!(buf.is_fortran_contiguous());
        assert_eq!(buf.buf_ptr() as *const u8, bytes.as_bytes().as_ptr());
        assert_eq!(buf.get_ptr(&[2]) as *const u8, unsafe {
            bytes.as_bytes().as_ptr().add(2)
        });
        let slice = buf.as_slice(py).unwrap();
        assert_eq!(slice.len(), 4);
        assert_eq!(slice[1].get(), b'b');
        assert!(buf.as_mut_slice(py).is_none());
        assert!(buf.as_fortran_mut_slice(py).is_none());
        assert_eq!(buf.to_vec(py).unwrap(), b"abcd");
        assert_eq!(buf.to_fortran_vec(py).unwrap(), b"abcd");
        let mut target = [0u8; 4];
        buf.copy_to_slice(py, &mut target).unwrap();
        assert_eq!(&target, b"abcd");
        let err = buf.copy_to_slice(py, &mut [0u8; 3]).unwrap_err();
        common::assert_err::<PyBufferError>(
            py,
            &err,
            "slice to copy to (of length 3) does not match buffer length of 4",
        );
        assert_eq!(
            err.to_string(),
            "BufferError: slice to copy to (of length 3) does not match buffer length of 4"
        );
        let err = buf.copy_from_slice(py, b"wxyz").unwrap_err();
        common::assert_err::<PyBufferError>(py, &err, "cannot write to read-only buffer");
        assert_eq!(
            err.to_string(),
            "BufferError: cannot write to read-only buffer"
        );
        drop(buf);
        assert_eq!(bytes.get_refcnt(), before);
        let buf = PyBuffer::<u8>::get(&bytes).unwrap();
        buf.release(py);
        assert_eq!(bytes.get_refcnt(), before);
    });
}

#[test]
fn writable_typed_buffers() {
    Python::attach(|py| {
        let arr = array(py, c"array.array('i', [1, 2, 3])");
        let buf: PyBuffer<i32> = arr.extract().unwrap();
        assert!(!buf.readonly());
        assert_eq!(buf.item_size(), 4);
        assert_eq!(buf.item_count(), 3);
        assert_eq!(buf.to_vec(py).unwrap(), vec![1, 2, 3]);
        buf.copy_from_slice(py, &[7, 8, 9]).unwrap();
        assert_eq!(arr.to_string(), "array('i', [7, 8, 9])");
        let cells = buf.as_mut_slice(py).unwrap();
        cells[0].set(-1);
        assert_eq!(arr.to_string(), "array('i', [-1, 8, 9])");
        let err = buf.copy_from_slice(py, &[1, 2]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "BufferError: slice to copy from (of length 2) does not match buffer length of 3"
        );
        let ro = buf.as_slice(py).unwrap();
        assert_eq!(ro[2].get(), 9);
        assert_eq!(unsafe { *ro[1].as_ptr() }, 8);
        // exporting the buffer blocks resizing until it is released
        let err = arr.call_method1("append", (5,)).unwrap_err();
        common::assert_err::<PyBufferError>(
            py,
            &err,
            "cannot resize an array that is exporting buffers",
        );
        drop(buf);
        arr.call_method1("append", (5,)).unwrap();

        let floats = array(py, c"array.array('d', [0.5, 1.5])");
        let buf = PyBuffer::<f64>::get(&floats).unwrap();
        assert_eq!(buf.to_vec(py).unwrap(), vec![0.5, 1.5]);

        let ba = PyByteArray::new(py, b"xy");
        let buf = PyBuffer::<u8>::get(&ba).unwrap();
        buf.copy_from_slice(py, b"ab").unwrap();
        drop(buf);
        assert_eq!(ba.to_vec(), b"ab");
    });
}

#[test]
fn element_type_mismatch() {
    Python::attach(|py| {
        let arr = array(py, c"array.array('i', [1])");
        let err = PyBuffer::<u32>::get(&arr).unwrap_err();
        common::assert_err::<PyBufferError>(
            py,
            &err,
            "buffer contents are not compatible with u32",
        );
        assert_eq!(
            err.to_string(),
            "BufferError: buffer contents are not compatible with u32"
        );
        let err = PyBuffer::<f64>::get(&arr).unwrap_err();
        assert_eq!(
            err.to_string(),
            "BufferError: buffer contents are not compatible with f64"
        );
        let err = PyBuffer::<i64>::get(&arr).unwrap_err();
        common::assert_err::<PyBufferError>(
            py,
            &err,
            "buffer contents are not compatible with i64",
        );
        // the failed acquisition released the buffer: the array can be resized again
        arr.call_method1("append", (2,)).unwrap();
        let err = PyBuffer::<u8>::get(&py.eval(c"[1]", None, None).unwrap()).unwrap_err();
        common::assert_err::<PyTypeError>(py, &err, "a bytes-like object is required, not 'list'");
        assert_eq!(
            err.to_string(),
            "TypeError: a bytes-like object is required, not 'list'"
        );
    });
}

#[test]
fn multi_dimensional_views() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        py.run(
            c"import array\na = array.array('h', range(6))\nm = memoryview(a).cast('B').cast('h', (2, 3))\nt = memoryview(a)[::2]\n",
            Some(&globals),
            None,
        )
        .unwrap();
        let m = globals.get_item("m").unwrap().unwrap();
        let buf = PyBuffer::<i16>::get(&m).unwrap();
        assert_eq!(buf.dimensions(), 2);
        assert_eq!(buf.shape(), &[2, 3]);
        assert_eq!(buf.strides(), &[6, 2]);
        assert!(buf.is_c_contiguous());
        assert!(!buf.is_fortran_contiguous());
        assert!(buf.as_fortran_slice(py).is_none());
        assert_eq!(buf.to_vec(py).unwrap(), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(buf.to_fortran_vec(py).unwrap(), vec![0, 3, 1, 4, 2, 5]);
        let mut target = [0i16; 6];
        buf.copy_to_fortran_slice(py, &mut target).unwrap();
        assert_eq!(target, [0, 3, 1, 4, 2, 5]);
        buf.copy_from_fortran_slice(py, &[10, 13, 11, 14, 12, 15])
            .unwrap();
        assert_eq!(buf.to_vec(py).unwrap(), vec![10, 11, 12, 13, 14, 15]);
        let p = buf.get_ptr(&[1, 2]) as *const i16;
        assert_eq!(unsafe { *p }, 15);
        let row = buf.get_ptr(&[1]) as *const i16;
        assert_eq!(unsafe { *row }, 13);
        drop(buf);

        let t = globals.get_item("t").unwrap().unwrap();
        let buf = PyBuffer::<i16>::get(&t).unwrap();
        assert!(!buf.is_c_contiguous());
        assert!(buf.as_slice(py).is_none());
        assert_eq!(buf.shape(), &[3]);
        assert_eq!(buf.strides(), &[4]);
        assert_eq!(buf.to_vec(py).unwrap(), vec![10, 12, 14]);
        let p = buf.get_ptr(&[2]) as *const i16;
        assert_eq!(unsafe { *p }, 14);
    });
}

#[test]
fn buffer_is_send_and_debug() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<PyBuffer<u8>>();
    Python::attach(|py| {
        let bytes = PyBytes::new(py, b"z");
        let buf = PyBuffer::<u8>::get(&bytes).unwrap();
        let dbg = format!("{buf:?}");
        assert!(dbg.starts_with("PyBuffer {"));
        assert!(dbg.contains("len: 1"));
        // dropped while detached: release re-attaches
        py.detach(move || drop(buf));
    });
}

#[test]
fn untyped_buffer_and_typed_views() {
    use pyo3::buffer::PyUntypedBuffer;
    Python::attach(|py| {
        let arr = array(py, c"array.array('h', [1, -2, 3])");
        let untyped = PyUntypedBuffer::get(&arr).unwrap();
        assert_eq!(untyped.format().to_str().unwrap(), "h");
        assert_eq!(untyped.item_size(), 2);
        assert_eq!(untyped.item_count(), 3);
        assert_eq!(untyped.shape(), [3]);
        assert!(!untyped.readonly());
        assert!(untyped.obj(py).unwrap().is(&arr));
        // a borrowed typed view, then a refused one
        let view = untyped.as_typed::<i16>().unwrap();
        assert_eq!(view.to_vec(py).unwrap(), [1, -2, 3]);
        let err = untyped.as_typed::<u32>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "BufferError: buffer contents are not compatible with u32"
        );
        // the refused `into_typed` releases the buffer: the array can grow again
        let err = untyped.into_typed::<f32>().unwrap_err();
        assert!(err.is_instance_of::<PyBufferError>(py));
        arr.call_method1("append", (4,)).unwrap();

        // a typed buffer dereferences to the untyped one
        let typed = PyBuffer::<i16>::get(&arr).unwrap();
        let as_untyped: &PyUntypedBuffer = &typed;
        assert_eq!(as_untyped.item_count(), 4);
        let owner = typed.obj(py).unwrap().clone();
        typed.release(py);
        assert!(owner.is(&arr));
        assert!(
            format!("{:?}", PyUntypedBuffer::get(&arr).unwrap()).starts_with("PyUntypedBuffer {")
        );

        let typed = PyUntypedBuffer::get(&arr)
            .unwrap()
            .into_typed::<i16>()
            .unwrap();
        let ptr = typed.as_slice_ptr().unwrap();
        assert_eq!(ptr.len(), 4);
        assert_eq!(unsafe { ptr.as_ref() }, [1, -2, 3, 4]);
        assert!(typed.as_fortran_slice_ptr().is_some());
    });
}

#[test]
fn slice_ptr_needs_contiguous_memory() {
    Python::attach(|py| {
        let every_other = py
            .eval(
                c"memoryview(__import__('array').array('i', [1, 2, 3, 4]))[::2]",
                None,
                None,
            )
            .unwrap();
        let buffer = PyBuffer::<i32>::get(&every_other).unwrap();
        assert!(buffer.as_slice_ptr().is_none());
        assert!(buffer.as_fortran_slice_ptr().is_none());
        assert_eq!(buffer.to_vec(py).unwrap(), [1, 3]);
    });
}
