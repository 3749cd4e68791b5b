//! Small compute kernels, each with a pure-Python twin in `tests/pure.py`; the benchmarks time
//! both and the tests check they agree.

use pyo3::prelude::*;

/// Nothing at all: the cost of a call.
#[pyfunction]
fn noop() {}

#[pyfunction]
fn sum_ints(values: Vec<i64>) -> i64 {
    values.iter().sum()
}

/// The number of whitespace-separated words.
#[pyfunction]
fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Primes below `limit`, by a sieve.
#[pyfunction]
fn count_primes(limit: usize) -> usize {
    if limit < 3 {
        return 0;
    }
    let mut composite = vec![false; limit];
    let mut count = 0;
    for n in 2..limit {
        if !composite[n] {
            count += 1;
            let mut k = n * n;
            while k < limit {
                composite[k] = true;
                k += n;
            }
        }
    }
    count
}

/// The `n`th Fibonacci number modulo 2**64 (iterative, wrapping like the twin's mask).
#[pyfunction]
fn fibonacci(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        (a, b) = (b, a.wrapping_add(b));
    }
    a
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(noop, m)?)?;
    m.add_function(wrap_pyfunction!(sum_ints, m)?)?;
    m.add_function(wrap_pyfunction!(count_words, m)?)?;
    m.add_function(wrap_pyfunction!(count_primes, m)?)?;
    m.add_function(wrap_pyfunction!(fibonacci, m)?)?;
    Ok(())
}
