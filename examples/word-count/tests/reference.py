"""Pure-Python equivalents of the word_count functions (the specification they follow)."""

import string

PUNCTUATION = string.punctuation  # exactly the ASCII punctuation the Rust side strips


def words(text):
    """The words of `text`: whitespace-separated tokens without surrounding punctuation."""
    for token in text.split():
        word = token.strip(PUNCTUATION)
        if word:
            yield word


def search(contents, needle):
    return sum(1 for word in words(contents) if word == needle)


def count_words(contents):
    return sum(1 for _ in words(contents))


def most_common(contents, n=10):
    counts = {}
    for word in words(contents):
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked if n is None else ranked[:n]
