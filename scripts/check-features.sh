#!/usr/bin/env bash
# Feature-combination check: every Cargo feature of `pyo3` builds on its own (`cargo check
# --no-default-features --features F`), then `full`, `full` with the stable ABI, and `nightly`
# with a nightly toolchain when one is installed.
#
# Skipped on purpose: `abi3t`/`abi3t-py315` (free-threaded stable ABI: needs a Python 3.15+
# interpreter) and the `abi3-py310`..`abi3-py315` steps between `abi3-py39` and `abi3` (each
# only raises the minimum version of the same code; `abi3` and `abi3-py39` are checked).
#
# Takes about 6-8 minutes on a 2-core machine with a warm cache (one `cargo check` of the
# `pyo3` crate per feature; the dependencies are built once).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

mapfile -t FEATURES < <(cargo metadata --no-deps --format-version 1 | python3 -c '
import json, sys
meta = json.load(sys.stdin)
pkg = next(p for p in meta["packages"] if p["name"] == "pyo3")
for name in sorted(pkg["features"]):
    print(name)
')

skip() {
    case "$1" in
        default | full | nightly | abi3t | abi3t-py315) return 0 ;;
        abi3-py31[0-5]) return 0 ;;
    esac
    return 1
}

for feature in "${FEATURES[@]}"; do
    skip "$feature" && continue
    step "cargo check -p pyo3 --no-default-features --features $feature"
    cargo check -q -p pyo3 --no-default-features --features "$feature"
done

step "cargo check -p pyo3 --features full (all targets)"
cargo check -q -p pyo3 --features full,auto-initialize --all-targets
step "cargo check -p pyo3 --features full,abi3-py39"
cargo check -q -p pyo3 --features full,abi3-py39

if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    step "cargo +nightly check -p pyo3 --features nightly,full"
    cargo +nightly check -q -p pyo3 --features nightly,full,auto-initialize --lib --tests
else
    echo "no nightly toolchain: the nightly feature is not checked"
fi
echo "check-features: all features build (${SECONDS}s)"
