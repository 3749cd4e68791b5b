"""Text helpers: the Rust functions of ``starter._rust.text`` plus pure-Python ones."""

from collections.abc import Iterable

from ._rust.text import is_palindrome, reverse_words


def palindromes(words: Iterable[str]) -> list[str]:
    """The items of `words` that are palindromes, in order (pure Python filter)."""
    return [word for word in words if is_palindrome(word)]


def title_reversed(text: str) -> str:
    """`text` with its words reversed and title-cased."""
    return reverse_words(text).title()


__all__ = ["is_palindrome", "palindromes", "reverse_words", "title_reversed"]
