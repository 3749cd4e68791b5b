"""A nested module."""

__all__ = ["area"]

def area(w: float, h: float) -> float: ...
