#!/usr/bin/env bash
# Python 3.8 and 3.16 are refused by the build with PyO3's messages. 3.8 is a real interpreter
# when one is installed (pyenv), else a configuration file; 3.16 is always a configuration file
# (no such interpreter exists yet). Each case runs `cargo check -p pyo3-ffi` in its own target
# directory and requires the build to fail with the expected first line of the error.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
export CARGO_TARGET_DIR="$REPO_ROOT/target/version-limits"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

expect_refused() { # description expected-first-line env...
    local what="$1" expected="$2"
    shift 2
    step "refused: $what"
    local out
    if out="$(env "$@" cargo check -q -p pyo3-ffi 2>&1)"; then
        echo "the build of pyo3-ffi succeeded for $what" >&2
        exit 1
    fi
    if ! grep -qF -- "$expected" <<<"$out"; then
        echo "$out" >&2
        echo "expected: $expected" >&2
        exit 1
    fi
    grep -F -A2 -- "$expected" <<<"$out" | sed 's/^/    /'
}

py38=""
for dir in "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"/versions/3.8.*; do
    [[ -x $dir/bin/python3 ]] && py38="$dir/bin/python3"
done
msg38="the configured Python version (3.8) is lower than PyO3's minimum supported version (3.9)"
if [[ -n $py38 ]]; then
    expect_refused "CPython 3.8 ($py38)" "$msg38" PYO3_PYTHON="$py38"
else
    printf 'version=3.8\nimplementation=CPython\nshared=true\n' >"$tmp/py38.cfg"
    expect_refused "Python 3.8 (configuration file; no 3.8 interpreter here)" "$msg38" \
        PYO3_CONFIG_FILE="$tmp/py38.cfg"
fi

printf 'version=3.16\nimplementation=CPython\nshared=true\n' >"$tmp/py316.cfg"
expect_refused "Python 3.16 (configuration file)" \
    "the configured Python version (3.16) is newer than PyO3's maximum supported version (3.15)" \
    PYO3_CONFIG_FILE="$tmp/py316.cfg"
echo "version limits: 3.8 and 3.16 refused"
