#!/usr/bin/env bash
# API documentation of the published crates with warnings as errors, so a broken intra-doc
# link or a bad code block fails: `cargo doc --no-deps` for pyo3 (with `full`), pyo3-ffi,
# pyo3-build-config and pyo3-macros.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
step "cargo doc -D warnings"
RUSTDOCFLAGS="${RUSTDOCFLAGS:-} -D warnings" cargo doc --no-deps \
    -p pyo3 -p pyo3-ffi -p pyo3-build-config -p pyo3-macros \
    --features pyo3/full,pyo3-build-config/resolve-config
