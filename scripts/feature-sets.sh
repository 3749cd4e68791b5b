# The feature sets `nox -s test-rust` and `nox -s clippy` go through (sourced, not run).
# Each is the `--features` list of the `pyo3` package (plus `--no-default-features` for the
# first); `auto-initialize` is in every set because the tests embed the interpreter.
FEATURE_SETS=(
    "no-default:auto-initialize"
    "default:auto-initialize"
    "abi3:abi3-py39,auto-initialize"
    "full:full,auto-initialize"
    "abi3-full:abi3-py39,full,auto-initialize"
)

# cargo's arguments for one set (by name).
feature_args() {
    local entry
    for entry in "${FEATURE_SETS[@]}"; do
        if [[ ${entry%%:*} == "$1" ]]; then
            [[ $1 == no-default ]] && printf '%s\n' --no-default-features
            printf '%s\n' --features "${entry#*:}"
            return 0
        fi
    done
    echo "unknown feature set: $1" >&2
    return 1
}

feature_set_names() {
    local entry
    for entry in "${FEATURE_SETS[@]}"; do printf '%s\n' "${entry%%:*}"; done
}
