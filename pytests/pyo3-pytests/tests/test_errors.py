import pytest

import pyo3_pytests as m


def test_custom_exception():
    assert issubclass(m.InventoryError, Exception)
    assert m.InventoryError.__module__ == "pyo3_pytests"
    assert m.InventoryError.__doc__ == "Raised when stock runs out."
    assert m.take(5, 2) == 3
    with pytest.raises(m.InventoryError) as e:
        m.take(1, 2)
    assert str(e.value) == "only 1 left, 2 wanted"


def test_rust_errors_become_python_errors():
    assert m.parse_int(" 42 ") == 42
    with pytest.raises(ValueError) as e:
        m.parse_int("forty-two")
    assert str(e.value) == "invalid digit found in string"
    with pytest.raises(ValueError) as e:
        m.require_positive(0)
    assert str(e.value) == "0 is not positive"


def test_catching_python_errors_in_rust():
    assert m.call_catching_key_error(lambda: 1) == "returned 1"
    assert m.call_catching_key_error(lambda: {}["k"]) == "caught KeyError KeyError('k')"

    def boom():
        raise OSError(2, "gone")

    with pytest.raises(FileNotFoundError) as e:
        m.call_catching_key_error(boom)
    assert str(e.value) == "[Errno 2] gone"


def test_panic():
    with pytest.raises(BaseException) as e:
        m.panic_with("oh no")
    assert type(e.value).__name__ == "PanicException"
    assert not isinstance(e.value, Exception)
    assert str(e.value) == "oh no"
