#!/usr/bin/env bash
# The main job: build the example extension module with maturin and use it from Python.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_venv
cd "$REPO_ROOT/examples/string-sum"
step "maturin develop (examples/string-sum, pyo3-ffi only)"
maturin develop --release --quiet
step "using it"
python - <<'PY'
import string_sum
print("string_sum.sum_as_string(20, 22) =", repr(string_sum.sum_as_string(20, 22)))
try:
    string_sum.sum_as_string("20", 22)
except TypeError as exc:
    print("string_sum.sum_as_string('20', 22) raises TypeError:", exc)
PY
