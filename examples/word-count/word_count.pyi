"""Counts words in text or files, in parallel, with the interpreter released."""

import os

__all__ = ["__version__", "count_words", "most_common", "search", "search_file", "search_sequential", "search_sequential_detached", "word_frequencies"]

__version__: str

def count_words(contents: str) -> int:
    """Counts all the words of `contents` (in parallel, with the interpreter released)."""
def most_common(contents: str, n: int = 10) -> list[tuple[str, int]]:
    """The `n` most frequent words of `contents` as `(word, count)` pairs, most frequent first,
    ties in alphabetical (code point) order. Counted in parallel."""
def search(contents: str, needle: str) -> int:
    """Counts the occurrences of the word `needle` in `contents`, using several threads and
    letting other Python threads run meanwhile."""
def search_file(path: str | os.PathLike[str], needle: str) -> int:
    """Counts the occurrences of the word `needle` in the UTF-8 text file at `path` (read and
    searched with the interpreter released). Raises `OSError` if the file cannot be read and
    `ValueError` if it is not valid UTF-8."""
def search_sequential(contents: str, needle: str) -> int:
    """Counts the occurrences of the word `needle` in `contents` on the calling thread, without
    releasing the interpreter."""
def search_sequential_detached(contents: str, needle: str) -> int:
    """Counts the occurrences of the word `needle` in `contents` on the calling thread, with the
    interpreter released so that other Python threads can run meanwhile."""
def word_frequencies(contents: str) -> dict[str, int]:
    """A dict mapping every word of `contents` to its number of occurrences (counted in
    parallel, with the interpreter released)."""
