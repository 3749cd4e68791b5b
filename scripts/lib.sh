# Shared helpers for the scripts in this folder (sourced, not run).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n=== [%4ss] %s\n' "$SECONDS" "$*"; }

# Every CPython 3.9+ on the machine: pyenv's versions, else whatever python3.X is on PATH.
all_pythons() {
    local root found=()
    if command -v pyenv >/dev/null 2>&1; then root="$(pyenv root)"; else root="${PYENV_ROOT:-$HOME/.pyenv}"; fi
    for minor in 9 10 11 12 13 14; do
        local candidate=""
        for dir in "$root"/versions/3."$minor".*; do
            [[ -x "$dir/bin/python3" && "$dir" != *t ]] && candidate="$dir/bin/python3"
        done
        [[ -z "$candidate" ]] && candidate="$(command -v python3."$minor" || true)"
        [[ -n "$candidate" ]] && found+=("$candidate")
    done
    printf '%s\n' "${found[@]}"
}

# A virtualenv with maturin and pytest, made once and reused.
ensure_venv() {
    VENV="${VENV:-$REPO_ROOT/target/venv}"
    if [[ ! -x "$VENV/bin/python" ]]; then
        step "creating $VENV"
        "${PYTHON:-python3}" -m venv "$VENV"
    fi
    if ! "$VENV/bin/python" -c 'import maturin, pytest, hypothesis, pytest_benchmark' >/dev/null 2>&1; then
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        # hypothesis drives the hostile-input suite (pytests/hostile), pytest-benchmark the
        # Rust-vs-Python cases of pytests/pyo3-pytests.
        "$VENV/bin/python" -m pip install --quiet 'maturin>=1.5,<2' pytest hypothesis pytest-benchmark
    fi
    export VIRTUAL_ENV="$VENV"
    export PATH="$VENV/bin:$PATH"
}

# Runs a `cargo test` command and fails if any test binary it ran had no tests: a test file
# gated on a feature the command does not enable would otherwise "pass" by running nothing.
expect_tests() {
    local out
    if ! out="$("$@" 2>&1)"; then
        printf '%s\n' "$out"
        return 1
    fi
    grep -E '^(     Running|test result)' <<<"$out" || true
    if grep -q '^running 0 tests' <<<"$out"; then
        echo "a test binary ran no tests: $*" >&2
        return 1
    fi
}

# CI's time budget. CI must finish within 60 minutes on a 2-core machine; the last stages of
# scripts/test-all.sh (the extra interpreters in the sid root, the per-feature build check) are
# the longest, so each of them first asks `within_budget`, which says loudly when a stage is
# skipped because the budget is spent. CI_BUDGET_SECONDS overrides the budget (0: no limit).
CI_BUDGET_SECONDS="${CI_BUDGET_SECONDS:-3000}"
CI_DEADLINE="${CI_DEADLINE:-$(($(date +%s) + CI_BUDGET_SECONDS))}"
export CI_BUDGET_SECONDS CI_DEADLINE
within_budget() { # stage description
    [[ $CI_BUDGET_SECONDS == 0 ]] && return 0
    local now
    now=$(date +%s)
    if ((now > CI_DEADLINE)); then
        printf '\n=== SKIPPED, time budget of %ss spent: %s\n' "$CI_BUDGET_SECONDS" "$*"
        return 1
    fi
}
