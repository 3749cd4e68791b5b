#!/usr/bin/env bash
# `cargo test -p pyo3` (unit, integration and doc tests) once per feature set of
# scripts/feature-sets.sh, or for the sets named as arguments: test-rust.sh full abi3.
# The trybuild ui tests run only in the default set (their expected messages list the impls
# the default features provide).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/feature-sets.sh"
cd "$REPO_ROOT"

mapfile -t SETS < <(if [[ $# -gt 0 ]]; then printf '%s\n' "$@"; else feature_set_names; fi)
for set in "${SETS[@]}"; do
    mapfile -t args < <(feature_args "$set")
    step "cargo test -p pyo3 [$set] ${args[*]}"
    if [[ $set == default ]]; then
        cargo test -p pyo3 "${args[@]}"
    else
        cargo test -p pyo3 "${args[@]}" -- --skip test_compile_errors
    fi
done
