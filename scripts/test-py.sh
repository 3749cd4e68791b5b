#!/usr/bin/env bash
# Every maturin example's pytest suite on every CPython 3.9+ of the machine, each built for
# that interpreter (not abi3: scripts/test-examples-abi3.sh covers the stable-ABI wheels).
# Usage: scripts/test-py.sh [example ...]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
ensure_venv

EXAMPLES=(getting-started getitem decorator word-count maturin-starter string-sum)
[[ $# -gt 0 ]] && EXAMPLES=("$@")
export CARGO_TARGET_DIR="${EXAMPLES_TARGET_DIR:-$REPO_ROOT/target/examples}"
WHEELS="$CARGO_TARGET_DIR/per-python-wheels"

mapfile -t PYTHONS < <(all_pythons)
[[ ${#PYTHONS[@]} -gt 0 ]] || { echo "no CPython 3.9+ found" >&2; exit 1; }
failed=()
for py in "${PYTHONS[@]}"; do
    version="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    venv="$REPO_ROOT/target/venv-$version"
    [[ -x "$venv/bin/python" ]] || "$py" -m venv "$venv"
    "$venv/bin/python" -c 'import pytest' >/dev/null 2>&1 ||
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest
    for example in "${EXAMPLES[@]}"; do
        step "examples/$example on Python $version"
        rm -rf "${WHEELS:?}/$version/$example"
        if (cd "examples/$example" &&
            maturin build --release --quiet --interpreter "$venv/bin/python" \
                --out "$WHEELS/$version/$example" &&
            "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
                --force-reinstall --no-deps "$WHEELS/$version/$example"/*.whl &&
            "$venv/bin/python" -m pytest -q -p no:cacheprovider tests); then
            :
        else
            failed+=("$example on $version")
        fi
    done
done
if [[ ${#failed[@]} -gt 0 ]]; then
    printf 'failed: %s\n' "${failed[@]}" >&2
    exit 1
fi
echo "examples passed on: ${PYTHONS[*]}"
