//! `word_count`: counts words in a string or a file, from Python.
//!
//! A *word* is a run of characters between whitespace (the same whitespace Python's
//! `str.split()` uses), with leading and trailing ASCII punctuation removed, so in
//! `"Hello, world! (hello)"` the words are `Hello`, `world` and `hello`. Matching is exact
//! (case-sensitive); a token made only of punctuation (like `--`) is not a word.
//!
//! The parallel functions release the interpreter with [`Python::detach`] and split the text
//! at line boundaries over scoped standard-library threads, so other Python threads keep
//! running while they count.

use std::collections::HashMap;
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

/// Below this many bytes the parallel functions count on the calling thread: starting
/// threads costs more than it saves.
const MIN_PARALLEL_LEN: usize = 64 * 1024;

/// Whitespace as `str.split()` sees it: Unicode `White_Space` plus the four ASCII
/// information separators (`\x1c`..`\x1f`) that Python also treats as whitespace.
fn is_python_whitespace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The words of `text`, in order.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_python_whitespace)
        .map(|token| token.trim_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|word| !word.is_empty())
}

/// How many times `needle` occurs as a word of `text`, on the calling thread.
fn count_needle(text: &str, needle: &str) -> usize {
    words(text).filter(|word| *word == needle).count()
}

/// Splits `text` into at most `parts` pieces of similar size, each ending at a line break
/// (or at the end of the text), so that no word is cut in two.
fn split_at_lines(text: &str, parts: usize) -> Vec<&str> {
    let mut pieces = Vec::with_capacity(parts);
    let mut rest = text;
    for remaining in (1..=parts.max(1)).rev() {
        if rest.is_empty() {
            break;
        }
        if remaining == 1 {
            pieces.push(rest);
            break;
        }
        let target = rest.len() / remaining;
        // `\n` is never part of a multi-byte UTF-8 sequence, so cutting after it is safe.
        let cut = match rest.as_bytes()[target..].iter().position(|&b| b == b'\n') {
            Some(offset) => target + offset + 1,
            None => rest.len(),
        };
        let (piece, tail) = rest.split_at(cut);
        pieces.push(piece);
        rest = tail;
    }
    pieces
}

/// Runs `work` on pieces of `text` in parallel (scoped threads) and returns the results in
/// text order. Short texts are handled on the calling thread.
fn map_pieces<'t, R, F>(text: &'t str, work: F) -> Vec<R>
where
    R: Send,
    F: Fn(&'t str) -> R + Sync,
{
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 || text.len() < MIN_PARALLEL_LEN {
        return vec![work(text)];
    }
    let pieces = split_at_lines(text, threads);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = pieces
            .into_iter()
            .map(|piece| scope.spawn(move || work(piece)))
            .collect();
        handles
            .into_iter()
            .map(|handle| match handle.join() {
                Ok(result) => result,
                // Re-raise the worker's panic here; PyO3 turns it into `PanicException`.
                Err(payload) => std::panic::resume_unwind(payload),
            })
            .collect()
    })
}

/// Parallel count of `needle` in `text`.
fn count_needle_parallel(text: &str, needle: &str) -> usize {
    map_pieces(text, |piece| count_needle(piece, needle))
        .into_iter()
        .sum()
}

/// Parallel count of every word of `text`.
fn frequencies_parallel(text: &str) -> HashMap<&str, usize> {
    let partials = map_pieces(text, |piece| {
        let mut counts = HashMap::new();
        for word in words(piece) {
            *counts.entry(word).or_insert(0usize) += 1;
        }
        counts
    });
    let mut total: HashMap<&str, usize> = HashMap::new();
    for partial in partials {
        for (word, n) in partial {
            *total.entry(word).or_insert(0) += n;
        }
    }
    total
}

/// Counts the occurrences of the word `needle` in `contents`, using several threads and
/// letting other Python threads run meanwhile.
#[pyfunction]
fn search(py: Python<'_>, contents: PyBackedStr, needle: PyBackedStr) -> usize {
    let (text, needle): (&str, &str) = (&contents, &needle);
    py.detach(|| count_needle_parallel(text, needle))
}

/// Counts the occurrences of the word `needle` in `contents` on the calling thread, without
/// releasing the interpreter.
#[pyfunction]
fn search_sequential(contents: PyBackedStr, needle: PyBackedStr) -> usize {
    count_needle(&contents, &needle)
}

/// Counts the occurrences of the word `needle` in `contents` on the calling thread, with the
/// interpreter released so that other Python threads can run meanwhile.
#[pyfunction]
fn search_sequential_detached(py: Python<'_>, contents: PyBackedStr, needle: PyBackedStr) -> usize {
    let (text, needle): (&str, &str) = (&contents, &needle);
    py.detach(|| count_needle(text, needle))
}

/// Counts the occurrences of the word `needle` in the UTF-8 text file at `path` (read and
/// searched with the interpreter released). Raises `OSError` if the file cannot be read and
/// `ValueError` if it is not valid UTF-8.
#[pyfunction]
fn search_file(py: Python<'_>, path: PathBuf, needle: PyBackedStr) -> PyResult<usize> {
    let needle: &str = &needle;
    let bytes = py.detach(|| std::fs::read(&path))?;
    let text = String::from_utf8(bytes).map_err(|err| {
        PyValueError::new_err(format!(
            "{} is not valid UTF-8: {}",
            path.display(),
            err.utf8_error()
        ))
    })?;
    Ok(py.detach(|| count_needle_parallel(&text, needle)))
}

/// Counts all the words of `contents` (in parallel, with the interpreter released).
#[pyfunction]
fn count_words(py: Python<'_>, contents: PyBackedStr) -> usize {
    let text: &str = &contents;
    py.detach(|| {
        map_pieces(text, |piece| words(piece).count())
            .into_iter()
            .sum()
    })
}

/// A dict mapping every word of `contents` to its number of occurrences (counted in
/// parallel, with the interpreter released).
#[pyfunction]
fn word_frequencies(py: Python<'_>, contents: PyBackedStr) -> HashMap<String, usize> {
    let text: &str = &contents;
    py.detach(|| {
        frequencies_parallel(text)
            .into_iter()
            .map(|(word, count)| (word.to_owned(), count))
            .collect()
    })
}

/// The `n` most frequent words of `contents` as `(word, count)` pairs, most frequent first,
/// ties in alphabetical (code point) order. Counted in parallel.
#[pyfunction]
#[pyo3(signature = (contents, n = 10))]
fn most_common(py: Python<'_>, contents: PyBackedStr, n: usize) -> Vec<(String, usize)> {
    let text: &str = &contents;
    py.detach(|| {
        let mut counts: Vec<(&str, usize)> = frequencies_parallel(text).into_iter().collect();
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        counts.truncate(n);
        counts
            .into_iter()
            .map(|(word, count)| (word.to_owned(), count))
            .collect()
    })
}

/// Counts words in text or files, in parallel, with the interpreter released.
#[pymodule]
fn word_count(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(search, m)?)?;
    m.add_function(wrap_pyfunction!(search_sequential, m)?)?;
    m.add_function(wrap_pyfunction!(search_sequential_detached, m)?)?;
    m.add_function(wrap_pyfunction!(search_file, m)?)?;
    m.add_function(wrap_pyfunction!(count_words, m)?)?;
    m.add_function(wrap_pyfunction!(word_frequencies, m)?)?;
    m.add_function(wrap_pyfunction!(most_common, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_strip_punctuation() {
        let found: Vec<_> = words("Hello, world! (hello) -- it's\x1fok").collect();
        assert_eq!(found, ["Hello", "world", "hello", "it's", "ok"]);
    }

    #[test]
    fn pieces_end_at_line_breaks() {
        let text = "a b\nc d e\nf\n\ng h i j\nk";
        for parts in 1..8 {
            let pieces = split_at_lines(text, parts);
            assert!(pieces.len() <= parts);
            assert_eq!(pieces.concat(), text);
            for piece in &pieces[..pieces.len() - 1] {
                assert!(piece.ends_with('\n'));
            }
        }
        assert!(split_at_lines("", 4).is_empty());
    }

    #[test]
    fn parallel_matches_sequential() {
        let line = "the quick brown fox jumps over the lazy dog. The end\n";
        let text = line.repeat(5000);
        assert!(text.len() > MIN_PARALLEL_LEN);
        assert_eq!(count_needle_parallel(&text, "the"), 10000);
        assert_eq!(count_needle(&text, "the"), 10000);
        assert_eq!(frequencies_parallel(&text)["The"], 5000);
    }
}
