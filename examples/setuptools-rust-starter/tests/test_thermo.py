import math
import pathlib

import pytest

import thermo
from thermo import Reading, TemperatureError


def test_extension_is_inside_the_package():
    assert thermo._native.__name__ == "thermo._native"
    assert Reading.__module__ == "thermo"


def test_to_fahrenheit():
    assert thermo.to_fahrenheit([0, 100, -40]) == [32.0, 212.0, -40.0]
    assert thermo.to_fahrenheit([]) == []


def test_below_absolute_zero():
    with pytest.raises(TemperatureError, match="-300 °C is below absolute zero"):
        thermo.to_fahrenheit([1, -300])
    with pytest.raises(TemperatureError):
        Reading("x", math.nan)
    assert issubclass(TemperatureError, ValueError)


def test_reading_class():
    r = Reading("Oslo", -5.5)
    assert (r.place, r.celsius, r.fahrenheit) == ("Oslo", -5.5, 22.1)
    assert repr(r) == 'Reading("Oslo", -5.5)'
    assert r == Reading("Oslo", -5.5)
    with pytest.raises(AttributeError):
        r.celsius = 3.0


def test_pure_python_part_uses_the_class():
    rs = [Reading("a", 1.0), Reading("b", 30.0), Reading("c", -2.0)]
    assert thermo.warmest(rs).place == "b"


def test_installed_with_its_type_stub():
    # The wheel carries the stub of `thermo._native` and the PEP 561 marker next to it.
    package = pathlib.Path(thermo.__file__).parent
    stub = (package / "_native.pyi").read_text(encoding="utf-8")
    assert "def to_fahrenheit(celsius: collections.abc.Sequence[float]) -> list[float]:" in stub
    assert (package / "py.typed").is_file()
