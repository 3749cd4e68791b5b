import os
import sys

# `pure.py` sits beside the tests.
sys.path.insert(0, os.path.dirname(__file__))


def check_arg_error(excinfo, message, argument):
    """An argument conversion error: the converter's own message, and a note naming the
    argument (`__notes__`, which Python 3.11+ prints after the message)."""
    assert str(excinfo.value) == message
    assert getattr(excinfo.value, "__notes__", None) == [f"while processing '{argument}'"]
