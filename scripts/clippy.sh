#!/usr/bin/env bash
# `cargo clippy -D warnings` over the workspace once per feature set of scripts/feature-sets.sh
# (or the sets named as arguments).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/feature-sets.sh"
cd "$REPO_ROOT"

mapfile -t SETS < <(if [[ $# -gt 0 ]]; then printf '%s\n' "$@"; else feature_set_names; fi)
for set in "${SETS[@]}"; do
    mapfile -t args < <(feature_args "$set")
    step "cargo clippy -p pyo3 --all-targets [$set] ${args[*]}"
    cargo clippy -p pyo3 --all-targets "${args[@]}" -- -D warnings
done
step "cargo clippy --workspace --all-targets (the other crates)"
cargo clippy --workspace --all-targets --features pyo3/auto-initialize -- -D warnings
