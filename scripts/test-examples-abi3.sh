#!/usr/bin/env bash
# The maturin examples as stable-ABI wheels: builds each example once with
# `maturin build --release --features abi3` (pyo3's abi3-py39) using python3, then, for every
# CPython 3.9+ on the machine, installs the wheels into a virtualenv under target/ and runs
# each example's pytest suite against them.
#
# Usage: scripts/test-examples-abi3.sh [example ...]   (default: word-count maturin-starter getitem decorator)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
ensure_venv

EXAMPLES=(word-count maturin-starter getitem decorator)
[[ $# -gt 0 ]] && EXAMPLES=("$@")
# One target dir for all the examples, so pyo3 is compiled once per feature set.
export CARGO_TARGET_DIR="${EXAMPLES_TARGET_DIR:-$REPO_ROOT/target/examples}"
WHEELS="$CARGO_TARGET_DIR/abi3-wheels"

mapfile -t PYTHONS < <(all_pythons)
[[ ${#PYTHONS[@]} -gt 0 ]] || { echo "no CPython 3.9+ found" >&2; exit 1; }

for example in "${EXAMPLES[@]}"; do
    step "examples/$example: maturin build --release --features abi3 (with $(python3 --version))"
    rm -rf "${WHEELS:?}/$example"
    (cd "examples/$example" && maturin build --release --quiet --features abi3 \
        --interpreter python3 --out "$WHEELS/$example")
    ls "$WHEELS/$example"/*-abi3-*.whl >/dev/null
done

failed=()
for py in "${PYTHONS[@]}"; do
    version="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    venv="$REPO_ROOT/target/venv-abi3-$version"
    if [[ ! -x "$venv/bin/python" ]]; then
        step "creating $venv"
        "$py" -m venv "$venv"
    fi
    if ! "$venv/bin/python" -c 'import pytest' >/dev/null 2>&1; then
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest
    fi
    for example in "${EXAMPLES[@]}"; do
        step "examples/$example: abi3 wheel on Python $version"
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            --force-reinstall --no-deps "$WHEELS/$example"/*.whl
        # EXPECT_ABI3 makes the suites check that the stable-ABI build is the one imported.
        if ! (cd "examples/$example" &&
            EXPECT_ABI3=1 "$venv/bin/python" -m pytest -q -p no:cacheprovider tests); then
            failed+=("$example on $version")
        fi
    done
done

if [[ ${#failed[@]} -gt 0 ]]; then
    printf 'abi3 example failures: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "abi3 examples passed on: $(printf '%s ' "${PYTHONS[@]}")"
