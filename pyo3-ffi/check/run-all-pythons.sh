#!/usr/bin/env bash
# Run the pyo3-ffi layout and symbol checks for every pyenv CPython 3.9-3.13 present (or for
# the interpreters given as arguments), then once with `abi3-py39` (limited API) against the
# first (oldest) one. One summary line per run;
# exits non-zero if any run fails. Uses one shared target dir ($CARGO_TARGET_DIR or the
# workspace's target/) so the build dependencies are compiled once.
set -u
cd "$(dirname "$0")/../.." || exit 2
export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"

pythons=("$@")
[ ${#pythons[@]} -gt 0 ] || for minor in 9 10 11 12 13; do
    for exe in "$root"/versions/3."$minor"*/bin/python3; do
        [ -x "$exe" ] && pythons+=("$exe")
    done
done
if [ ${#pythons[@]} -eq 0 ]; then
    echo "run-all-pythons: no Python given and none of 3.9-3.13 under $root/versions" >&2
    exit 2
fi

failed=0
summary=()
run() { # label python extra-cargo-args...
    local label="$1" python="$2"
    shift 2
    local log
    log="$(mktemp)"
    if PYO3_PYTHON="$python" cargo test -p pyo3-ffi-check --no-fail-fast "$@" -- --nocapture >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed=1
    fi
    local counts
    counts="$(grep -hE '^(layout|symbols|constants): [0-9]' "$log" | sed -E 's/ \[.*\]//' | paste -sd '|' - | sed 's/|/; /g')"
    summary+=("$label: $status - ${counts:-no test output}")
    if [ "$status" = FAILED ]; then
        echo "=== $label ($python) failed:"
        if grep -qE 'MISMATCH|MISSING' "$log"; then
            grep -E 'MISMATCH|MISSING' "$log"
        elif grep -qE '^error' "$log"; then
            grep -E -A12 '^error' "$log" | head -n 80
        else
            tail -n 40 "$log"
        fi
    fi
    rm -f "$log"
}

for py in "${pythons[@]}"; do
    ver="$("$py" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
    run "CPython $ver" "$py"
done
run "abi3-py39 (limited API, $(basename "$(dirname "$(dirname "${pythons[0]}")")"))" "${pythons[0]}" --features abi3-py39

echo "=== pyo3-ffi-check summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
