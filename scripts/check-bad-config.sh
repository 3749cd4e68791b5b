#!/usr/bin/env bash
# Bad build configuration through the real build script: pyo3-ffi's build script must stop
# with one `error: ...` line naming the problem, never a panic or a backtrace. (The messages
# themselves are asserted in pyo3-build-config/tests/bad_configuration.rs.)
# Uses its own target dir so the failing builds do not disturb the main one's build-script
# outputs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}/bad-config"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

printf 'this is not a config\n' >"$scratch/garbage.txt"
printf '#!/bin/sh\necho hello\n' >"$scratch/not-python" && chmod +x "$scratch/not-python"
mkdir -p "$scratch/empty-lib"
python_minor="$(python3 -c 'import sys; print(sys.version_info[1])')"

cases=0
expect_clean_error() { # description expected-substring env-assignments... (cargo args: $EXTRA)
    local what="$1" expected="$2" out
    shift 2
    cases=$((cases + 1))
    # shellcheck disable=SC2086 # $EXTRA is a list of words
    if out="$(env "$@" RUST_BACKTRACE=1 cargo check -p pyo3-ffi --quiet ${EXTRA:-} 2>&1)"; then
        echo "FAIL ($what): the build succeeded" >&2
        return 1
    fi
    if grep -qE 'panicked|stack backtrace' <<<"$out"; then
        printf '%s\n' "$out" >&2
        echo "FAIL ($what): the build script panicked" >&2
        return 1
    fi
    if ! grep -qF -- "$expected" <<<"$out"; then
        printf '%s\n' "$out" >&2
        echo "FAIL ($what): no error mentioning: $expected" >&2
        return 1
    fi
    echo "ok: $what -> $(grep -m1 -F -- "$expected" <<<"$out" | sed 's/^ *//')"
}

expect_clean_error "malformed PYO3_CONFIG_FILE" "expected \`key=value\`" \
    PYO3_CONFIG_FILE="$scratch/garbage.txt"
expect_clean_error "PYO3_PYTHON is not Python" "did not report its version" \
    PYO3_PYTHON="$scratch/not-python"
expect_clean_error "PYO3_PYTHON does not exist" "No such file or directory" \
    PYO3_PYTHON="$scratch/missing"
EXTRA="--features abi3-py3$((python_minor + 1))" \
    expect_clean_error "abi3 feature above the interpreter" "higher than the interpreter version" \
    PYO3_PYTHON=python3
expect_clean_error "cross compiling without sysconfigdata" "no _sysconfigdata*.py found" \
    PYO3_CROSS_LIB_DIR="$scratch/empty-lib" PYO3_CROSS=1
echo "bad configuration: $cases cases, each a clean error"
