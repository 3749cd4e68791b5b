"""How many hostile cases this run tried (printed by conftest.py at the end)."""

CASES = {"tried": 0}


def count(n=1):
    CASES["tried"] += n
