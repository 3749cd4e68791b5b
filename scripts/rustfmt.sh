#!/usr/bin/env bash
# Formatting check: the workspace (`cargo fmt --check`) and the example crates that are not
# workspace members (their own manifests), and the pytests/ crates.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
step "cargo fmt --all --check (workspace)"
cargo fmt --all -- --check
for manifest in examples/*/Cargo.toml bench/*/Cargo.toml pytests/*/Cargo.toml; do
    [[ -f $manifest ]] || continue
    step "cargo fmt --check ($manifest)"
    cargo fmt --manifest-path "$manifest" -- --check
done
