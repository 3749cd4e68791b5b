"""Pure-Python twins of the compute functions in src/compute.rs, for the benchmarks."""


def noop():
    pass


def sum_ints(values):
    total = 0
    for v in values:
        total += v
    return total


def count_words(text):
    return len(text.split())


def count_primes(limit):
    if limit < 3:
        return 0
    composite = [False] * limit
    count = 0
    for n in range(2, limit):
        if not composite[n]:
            count += 1
            for k in range(n * n, limit, n):
                composite[k] = True
    return count


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) & 0xFFFF_FFFF_FFFF_FFFF
    return a
