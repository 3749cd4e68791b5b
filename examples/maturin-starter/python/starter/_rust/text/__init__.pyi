"""Small text utilities."""

__all__ = ["is_palindrome", "reverse_words"]

def is_palindrome(text: str) -> bool:
    """Whether `text` reads the same backwards, ignoring case and non-alphanumeric
    characters."""
def reverse_words(text: str) -> str:
    """`text` with the order of its whitespace-separated words reversed."""
