#!/usr/bin/env bash
# The main job: build the first-run example extension module (examples/getting-started) with
# maturin, then use it from Python and print what each call did.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_venv
cd "$REPO_ROOT/examples/getting-started"
step "maturin develop --release (examples/getting-started: #[pymodule], #[pyfunction], #[pyclass])"
CARGO_TARGET_DIR="$REPO_ROOT/target/examples" maturin develop --release --quiet
step "using it from Python"
python - <<'PY'
import getting_started as gs

def show(expr):
    try:
        print(f">>> {expr}\n{eval(expr, {'gs': gs, 'basket': basket})!r}")
    except Exception as exc:
        print(f">>> {expr}\n{type(exc).__module__}.{type(exc).__qualname__}: {exc}")

basket = gs.Basket("ana")
print('>>> basket = gs.Basket("ana"); basket.add("apple", 3); basket.add("pear")')
basket.add("apple", 3)
basket.add("pear")
for expr in [
    'gs.word_counts("The cat saw the dog")',
    'gs.word_counts("A a", lowercase=False)',
    "basket",
    "basket.owner",
    "len(basket)",
    "basket.contents()",
    'basket.take("apple", 2)',
    'basket.take("plum")',
    'basket.add("pear", 0)',
]:
    show(expr)
PY
