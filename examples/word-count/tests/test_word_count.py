"""word_count against its pure-Python reference, and its behaviour around threads."""

import os
import threading

import pytest

import reference
import word_count

SAMPLE = """The Zen of Python, by Tim Peters

Beautiful is better than ugly.
Explicit is better than implicit.
Simple is better than complex.
Complex is better than complicated.
Flat is better than nested.
Sparse is better than dense.
Readability counts.
Special cases aren't special enough to break the rules.
Although practicality beats purity.
Errors should never pass silently.
Unless explicitly silenced.
"""

# Long enough (> 64 KiB) for the parallel functions to start threads.
LARGE = SAMPLE * 400

SEARCHES = [
    word_count.search,
    word_count.search_sequential,
    word_count.search_sequential_detached,
]


@pytest.mark.parametrize("func", SEARCHES, ids=lambda f: f.__name__)
@pytest.mark.parametrize("needle", ["is", "better", "Python", "than", "aren't", "nope"])
@pytest.mark.parametrize("text", [SAMPLE, LARGE], ids=["small", "large"])
def test_search_matches_reference(func, needle, text):
    assert func(text, needle) == reference.search(text, needle)


@pytest.mark.parametrize("func", SEARCHES, ids=lambda f: f.__name__)
def test_search_edge_cases(func):
    assert func("", "word") == 0
    assert func("word", "word") == 1
    assert func("Word word WORD", "word") == 1  # case-sensitive
    assert func("(word), 'word'! --word--", "word") == 3  # punctuation is stripped
    assert func("words sword", "word") == 0  # whole words only
    assert func("a\tword\x0bword\x1cword\u3000word\nword", "word") == 5  # Python's whitespace


def test_unicode_text():
    text = "café naïve café\nÉcole — café!\n" * 5000
    for needle in ["café", "naïve", "École", "—"]:
        assert word_count.search(text, needle) == reference.search(text, needle)
    assert word_count.count_words(text) == reference.count_words(text)


def test_lines_without_trailing_newline():
    # Pieces are cut at line breaks: a huge single line must still be counted correctly.
    text = "alpha beta " * 20000
    assert word_count.search(text, "beta") == 20000
    text = "\n".join(["alpha beta"] * 20000)
    assert word_count.search(text, "alpha") == 20000


@pytest.mark.parametrize("text", [SAMPLE, LARGE, ""], ids=["small", "large", "empty"])
def test_count_words(text):
    assert word_count.count_words(text) == reference.count_words(text)


@pytest.mark.parametrize("n", [0, 1, 5, 100])
@pytest.mark.parametrize("text", [SAMPLE, LARGE], ids=["small", "large"])
def test_most_common(text, n):
    assert word_count.most_common(text, n) == reference.most_common(text, n)


@pytest.mark.parametrize("text", [SAMPLE, LARGE, ""], ids=["small", "large", "empty"])
def test_word_frequencies(text):
    frequencies = word_count.word_frequencies(text)
    assert isinstance(frequencies, dict)
    assert frequencies == dict(reference.most_common(text, None))


def test_most_common_default_and_keyword():
    assert word_count.most_common(SAMPLE) == reference.most_common(SAMPLE, 10)
    assert word_count.most_common(contents=SAMPLE, n=2) == [("better", 6), ("is", 6)]


def test_search_file(tmp_path):
    path = tmp_path / "zen.txt"
    path.write_text(LARGE, encoding="utf-8")
    assert word_count.search_file(path, "better") == reference.search(LARGE, "better")
    assert word_count.search_file(str(path), "Python") == 400


def test_search_file_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        word_count.search_file(tmp_path / "missing.txt", "x")
    with pytest.raises(OSError):
        word_count.search_file(tmp_path, "x")  # a directory
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(ValueError, match="not valid UTF-8"):
        word_count.search_file(bad, "x")


def test_argument_errors():
    with pytest.raises(TypeError):
        word_count.search(b"bytes are not text", "text")
    with pytest.raises(TypeError):
        word_count.search("text")
    with pytest.raises(TypeError):
        word_count.search_sequential("text", 3)
    with pytest.raises((OverflowError, ValueError, TypeError)):
        word_count.most_common("text", -1)


def test_module_metadata():
    # maturin installs the extension module inside a package of the same name that
    # star-imports it; dunder attributes stay on the extension module itself.
    # `m.add` lists every name in `__all__`, so maturin's wrapper package re-exports them all.
    inner = getattr(word_count, "word_count", word_count)
    assert word_count.__version__ == inner.__version__ == "0.1.0"
    assert sorted(inner.__all__) == sorted(
        [
            "__version__",
            "count_words",
            "most_common",
            "search",
            "search_file",
            "search_sequential",
            "search_sequential_detached",
            "word_frequencies",
        ]
    )
    assert inner.search.__module__ == inner.__name__
    assert word_count.search.__doc__.startswith("Counts the occurrences")
    assert word_count.__doc__.startswith("Counts words")


def test_detached_searches_run_while_other_threads_use_python():
    """Several Python threads call the detached functions at once and all get the right
    answer; a pure-Python thread keeps making progress meanwhile."""
    expected = reference.search(LARGE, "better")
    results = []
    errors = []
    stop = threading.Event()
    ticks = [0]

    def spin():
        while not stop.is_set():
            ticks[0] += 1

    def worker(func):
        try:
            for _ in range(5):
                results.append(func(LARGE, "better"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    spinner = threading.Thread(target=spin)
    spinner.start()
    workers = [
        threading.Thread(target=worker, args=(func,))
        for func in (word_count.search, word_count.search_sequential_detached) * 2
    ]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    stop.set()
    spinner.join()
    assert not errors
    assert results == [expected] * 20
    assert ticks[0] > 0


def test_build_kind():
    """Under scripts/test-examples-abi3.sh (EXPECT_ABI3=1) the stable-ABI wheel is the one
    imported; otherwise the extension is built for this exact Python version."""
    inner = getattr(word_count, "word_count", word_count)
    if os.environ.get("EXPECT_ABI3"):
        assert inner.__file__.endswith(".abi3.so"), inner.__file__
    else:
        assert not inner.__file__.endswith(".abi3.so"), inner.__file__
