import datetime

import pytest

import pyo3_pytests as m
from conftest import check_arg_error


def test_date():
    assert m.make_date(2024, 2, 29) == datetime.date(2024, 2, 29)
    with pytest.raises(ValueError) as e:
        m.make_date(2023, 2, 29)
    assert str(e.value) == "day is out of range for month"


def test_datetime_fields_and_arithmetic():
    dt = datetime.datetime(2001, 2, 3, 4, 5, 6, 7)
    assert m.datetime_fields(dt) == (2001, 2, 3, 4, 5, 6, 7)
    assert m.add_days(dt, 30) == datetime.datetime(2001, 3, 5, 4, 5, 6, 7)
    utc = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    assert m.add_days(utc, -1).tzinfo is datetime.timezone.utc
    with pytest.raises(TypeError) as e:
        m.datetime_fields(datetime.date(2001, 2, 3))
    check_arg_error(e, "'date' object is not an instance of 'datetime'", "dt")


def test_duration():
    assert m.double_duration(datetime.timedelta(seconds=1.5)) == datetime.timedelta(seconds=3)
    with pytest.raises(ValueError):
        m.double_duration(datetime.timedelta(seconds=-1))
