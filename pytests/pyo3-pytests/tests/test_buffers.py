import array

import pytest

import pyo3_pytests as m
from conftest import check_arg_error


def test_reading_buffers():
    assert m.sum_bytes(b"\x01\x02\x03") == 6
    assert m.sum_bytes(bytearray(b"\xff\xff")) == 510
    assert m.sum_bytes(memoryview(b"abc")[1:]) == ord("b") + ord("c")
    assert m.sum_bytes(array.array("B", [1, 2, 3])) == 6
    with pytest.raises(BufferError) as e:
        m.sum_bytes(array.array("d", [1.0]))
    assert str(e.value) == "buffer contents are not compatible with u8"
    with pytest.raises(TypeError) as e:
        m.sum_bytes("text")
    check_arg_error(e, "a bytes-like object is required, not 'str'", "data")


def test_writing_buffers():
    data = bytearray(b"abc")
    m.zero_fill(data)
    assert data == bytearray(3)
    with pytest.raises(BufferError) as e:
        m.zero_fill(b"abc")
    assert str(e.value) == "cannot write to read-only buffer"


def test_exporting_a_buffer():
    blob = m.Blob(b"hello")
    assert bytes(blob) == b"hello"
    with memoryview(blob) as view:
        assert view.readonly and view.tobytes() == b"hello" and view.nbytes == 5
    assert m.sum_bytes(blob) == sum(b"hello")
