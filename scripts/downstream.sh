#!/usr/bin/env bash
# Downstream check: rebuild published projects that use PyO3 0.30 against this workspace
# (`[patch.crates-io]` for pyo3, pyo3-ffi, pyo3-build-config, pyo3-macros and
# pyo3-macros-backend) and run their own test suites.
#
#   bash scripts/downstream.sh                       # every project, against this checkout
#   bash scripts/downstream.sh --only numpy,nh3      # a subset
#   bash scripts/downstream.sh --pyo3 /tmp/other     # measure another checkout of the workspace
#   bash scripts/downstream.sh --list                # the pinned projects
#
# Prints one line per project, `downstream: NAME build=ok|FAIL tests=P/T`, then a summary line.
# For a project that does not build, the distinct compile-error headlines follow (with counts),
# which is the list of what our API still lacks. Exit status: 0 if every project builds and
# passes, 1 otherwise.
#
# Nothing is written into the repository: sources, the venv, wheels and logs live in
# ${PYO3_DOWNSTREAM_DIR:-$HOME/.cache/pyo3-downstream}; the cargo target dir is
# ${CARGO_TARGET_DIR:-$WORK/target}. Downloads (.crate files from cargo's cache, sdists from
# PyPI, the venv's packages) are reused across runs; the unpacked sources are recreated each run
# so the patch is always applied to pristine files. Not part of scripts/test-all.sh: a cold run
# compiles six crates and three extension modules with all their dependencies (see README).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORK="${PYO3_DOWNSTREAM_DIR:-$HOME/.cache/pyo3-downstream}"
PYO3_ROOT="$REPO_ROOT"
ONLY=""
LIST=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --pyo3) PYO3_ROOT="$(cd "$2" && pwd)"; shift 2 ;;
        --only) ONLY=",$2,"; shift 2 ;;
        --list) LIST=1; shift ;;
        -h | --help) sed -n '2,21p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# The projects, pinned. Fields: kind|name|version|how to test.
#  crate: a crates.io crate; the 4th field is the `cargo test` arguments (features).
#  pypi:  a PyPI sdist built with maturin; the 4th field is
#         manifest (relative to the sdist root, empty = root) ; pytest paths (empty = no suite
#         shipped: an import + round-trip smoke test of our own is run instead) ; extra pip deps.
PROJECTS=(
    "crate|numpy|0.30.0|--all-features"
    "crate|pythonize|0.30.0|--all-features"
    "crate|pyo3-log|0.13.5|--all-features"
    "crate|pyo3-async-runtimes|0.30.0|--features attributes,testing,tokio-runtime,async-std-runtime,unstable-streams"
    "crate|serde-pyobject|0.8.0|"
    "pypi|jiter|0.19.0|crates/jiter-python/Cargo.toml;crates/jiter-python/tests;dirty-equals==0.11"
    "pypi|nh3|0.3.8|;tests docs;"
    "pypi|ormsgpack|1.13.1|;;"
    # Last: the heaviest build (arrow), and it needs numpy to build first.
    "crate|pyo3-arrow|0.20.0|"
)

# The interpreter everything is built for and run with, and the venv's pinned packages:
# numpy for numpy's (and pyo3-arrow's) tests, uvloop for pyo3-async-runtimes' uvloop tests,
# pydantic for serde-pyobject's pydantic test (which passes without checking anything when
# pydantic is missing), ml_dtypes for numpy's `half` feature test (bfloat16 dtype), maturin +
# pytest for the PyPI projects.
BASE_PYTHON="${PYTHON:-python3}"
VENV_PACKAGES=(numpy==2.3.5 uvloop==0.22.1 pydantic==2.14.4 ml_dtypes==0.7.0 'maturin==1.16.0' pytest==8.4.2)

if [[ $LIST -eq 1 ]]; then
    printf '%s\n' "${PROJECTS[@]}"
    exit 0
fi

wanted() { [[ -z "$ONLY" || "$ONLY" == *",$1,"* ]]; }

COMMIT="$(git -C "$PYO3_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
BRANCH="$(git -C "$PYO3_ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)"
[[ "$BRANCH" != HEAD ]] || BRANCH="$(basename "$PYO3_ROOT")" # a detached checkout: its folder
# Logs and results of each measured checkout are kept apart: logs/BRANCH-COMMIT/.
LOGS="$WORK/logs/$BRANCH-$COMMIT"
mkdir -p "$WORK"/{src,sdist,wheels,fetch} "$LOGS"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$WORK/target}"
RESULTS="$LOGS/results.txt"
: >"$RESULTS"
# The whole run (what is printed here) also goes to a log; the per-project logs are beside it.
RUN_LOG="$LOGS/downstream-$(date -u +%Y%m%dT%H%M%SZ).log"
exec > >(tee "$RUN_LOG") 2>&1
echo "downstream: measuring $PYO3_ROOT ($BRANCH @ $COMMIT), work dir $WORK"

# ---------------------------------------------------------------------------------------------
# Environment: one venv (outside the repo) whose interpreter the crates embed and the wheels
# are built for.
VENV="$WORK/venv"
if [[ ! -x "$VENV/bin/python" ]]; then
    step "creating $VENV from $BASE_PYTHON"
    "$BASE_PYTHON" -m venv "$VENV"
fi
# (pip finds the pinned versions already installed after the first run: no download then.)
"$VENV/bin/python" -m pip install --quiet "${VENV_PACKAGES[@]}"
export PATH="$VENV/bin:$PATH"
export PYO3_PYTHON="$VENV/bin/python"
# An embedded interpreter does not know it belongs to a venv: give it the venv's site-packages,
# and the test binaries the directory of the shared libpython (pyo3's rpath is its own only).
PYTHONPATH="$("$PYO3_PYTHON" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')"
PYLIBDIR="$("$PYO3_PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR"))')"
export PYTHONPATH LD_LIBRARY_PATH="$PYLIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

patch_table() {
    cat <<EOF

[patch.crates-io]
pyo3 = { path = "$PYO3_ROOT" }
pyo3-ffi = { path = "$PYO3_ROOT/pyo3-ffi" }
pyo3-build-config = { path = "$PYO3_ROOT/pyo3-build-config" }
pyo3-macros = { path = "$PYO3_ROOT/pyo3-macros" }
pyo3-macros-backend = { path = "$PYO3_ROOT/pyo3-macros-backend" }
EOF
}

# A shipped Cargo.lock may pin an older pyo3 (pyo3-log's pins 0.26.0, which its `>=0.26,<0.31`
# allows), and then cargo leaves the patch unused: re-resolve the pyo3 crates alone (to the
# patch, 0.30.1) and keep every other locked version. Run in the project's directory.
use_patch() {
    if [[ -f Cargo.lock ]] && grep -q '^name = "pyo3"$' Cargo.lock; then
        cargo update "$@" -p pyo3
    fi
}

# A crate may accept 0.30 for its users but test against an older pyo3 (serde-pyobject 0.8.0:
# `pyo3 = ">=0.27.0"`, dev-dependency `pyo3 = "0.27.0"`, which cargo unifies to 0.27): every
# requirement on a pyo3 crate in the (normalized, one table per dependency) manifest becomes
# "0.30", so that the tests run against the patch. Prints what it changed.
require_pyo3_030() {
    awk '/^\[/ { inpyo3 = ($0 ~ /^\[(dev-|build-)?dependencies\.pyo3(-ffi|-build-config|-macros)?\]$/) }
         inpyo3 && /^version = / && $0 !~ /^version = "\^?0\.30(\.[01])?"$/ {
             print FILENAME ": " $0 " -> version = \"0.30\"" > "/dev/stderr"; $0 = "version = \"0.30\"" }
         { print }' "$1" >"$1.tmp"
    mv "$1.tmp" "$1"
}

# True if the lock file resolved `pyo3` to a path (our checkout) rather than to crates.io.
uses_our_pyo3() {
    awk '/^\[\[package\]\]/{name=""; src=0} /^name = "pyo3"$/{name="pyo3"} /^source = /{if (name=="pyo3") src=1}
         /^$/{if (name=="pyo3") {found=1; if (src) reg=1}; name=""}
         END{if (name=="pyo3") {found=1; if (src) reg=1}; exit !(found && !reg)}' "$1"
}

# The distinct compile-error headlines of a log, most frequent first (the first 25), each with
# the first `-->` location that follows it; a feature that cargo cannot find counts as one.
error_summary() {
    awk '/depends on `[^`]*` with feature `[^`]*` but `[^`]*` does not have that feature/ {
             if (head != "") print head "\t" loc; head="error: " $0; loc="Cargo.toml"; next }
         /^error(\[E[0-9]+\])?: / && !/could not compile|aborting due to|test failed|targets? failed/ {
             if (head != "") print head "\t" loc; head=$0; loc=""; next }
         head != "" && loc == "" && /^ *--> / { sub(/^ *--> /, ""); loc=$0 }
         END { if (head != "") print head "\t" loc }' "$1" |
        sort | awk -F'\t' '{n[$1]++; if (!($1 in l)) l[$1]=$2} END {for (h in n) printf "%6d  %s%s\n", n[h], h, (l[h] == "" ? "" : "   [first at " l[h] "]")}' |
        sort -rn | head -25
}

# Counts from a `cargo test --no-fail-fast` log: libtest's per-test lines ("test X ... ok" /
# "... FAILED"), which harness=false runners also print, plus one failure for each failed target
# that printed no FAILED line (a crash, or a harness=false binary that exited non-zero).
cargo_test_counts() {
    python3 - "$1" <<'EOF'
import re, sys
text = open(sys.argv[1], errors="replace").read()
passed = len(re.findall(r"^test .* \.\.\. ok$", text, re.M))
failed_lines = re.findall(r"^test (.*) \.\.\. FAILED$", text, re.M)
failed = len(failed_lines)
# Sections: "Running <src> (<path>/deps/<target>-<hash>)" then that binary's output.
sections = re.split(r"^\s+(?:Running|Doc-tests) ", text, flags=re.M)
has_failed_line = {}
for sec in sections[1:]:
    first = sec.splitlines()[0]
    m = re.search(r"deps/([A-Za-z0-9_]+)-[0-9a-f]+\)", first)
    key = m.group(1) if m else first.strip()
    has_failed_line[key] = has_failed_line.get(key, False) or " ... FAILED" in sec
for target in re.findall(r"^\s+`--(?:test|lib|bin|example|bench) ?([^`]*)`", text, re.M):
    key = target.replace("-", "_")
    if not any(k == key and v for k, v in has_failed_line.items()):
        failed += 1
print(passed, passed + failed)
EOF
}

# ---------------------------------------------------------------------------------------------
# Crates from crates.io: the `.crate` comes from cargo's download cache (a throwaway manifest
# depending on every pinned version makes `cargo fetch` download what is missing).
CARGO_CACHE="${CARGO_HOME:-$HOME/.cargo}/registry/cache"
crate_file() { ls "$CARGO_CACHE"/*/"$1-$2.crate" 2>/dev/null | head -1; }

fetch_crates() {
    local missing=0 spec kind name version rest
    for spec in "${PROJECTS[@]}"; do
        IFS='|' read -r kind name version rest <<<"$spec"
        [[ $kind == crate ]] && wanted "$name" && [[ -z "$(crate_file "$name" "$version")" ]] && missing=1
    done
    [[ $missing -eq 0 ]] && return 0
    step "cargo fetch of the pinned crates"
    {
        printf '[package]\nname = "downstream-fetch"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n'
        for spec in "${PROJECTS[@]}"; do
            IFS='|' read -r kind name version rest <<<"$spec"
            [[ $kind == crate ]] && printf '%s = "=%s"\n' "$name" "$version"
        done
        printf '\n[workspace]\n'
    } >"$WORK/fetch/Cargo.toml"
    mkdir -p "$WORK/fetch/src" && : >"$WORK/fetch/src/lib.rs"
    (cd "$WORK/fetch" && cargo fetch --quiet)
}

# Prints `downstream: NAME build=... tests=P/T` and appends it to the results.
report() {
    local line="downstream: $1 build=$2 tests=$3${4:+ ($4)}"
    echo "$line"
    echo "$line" >>"$RESULTS"
}

run_crate() {
    local name="$1" version="$2" args="$3" file dir blog tlog start=$SECONDS
    file="$(crate_file "$name" "$version")"
    [[ -n "$file" ]] || { report "$name-$version" FAIL 0/0 "no .crate in $CARGO_CACHE"; return; }
    dir="$WORK/src/$name-$version"
    rm -rf "$dir"
    tar xzf "$file" -C "$WORK/src"
    # Its own workspace (so no parent workspace claims it) and the patch.
    require_pyo3_030 "$dir/Cargo.toml"
    { printf '\n[workspace]\n'; patch_table; } >>"$dir/Cargo.toml"
    blog="$LOGS/$name.build.log"
    tlog="$LOGS/$name.test.log"
    step "$name $version: cargo test --no-run $args"
    # shellcheck disable=SC2086 # $args is a list of cargo arguments
    if ! (cd "$dir" && use_patch && cargo test --no-run $args) >"$blog" 2>&1; then
        report "$name-$version" FAIL 0/0 "$((SECONDS - start))s, log $blog"
        error_summary "$blog" | sed 's/^/    /'
        grep -q '^error' "$blog" || tail -5 "$blog" | sed 's/^/    /'
        return
    fi
    if ! uses_our_pyo3 "$dir/Cargo.lock"; then
        report "$name-$version" FAIL 0/0 "the patch was not used: pyo3 still comes from crates.io"
        return
    fi
    step "$name $version: cargo test --no-fail-fast $args"
    # shellcheck disable=SC2086
    (cd "$dir" && cargo test --no-fail-fast $args) >"$tlog" 2>&1 || true
    local counts
    counts="$(cargo_test_counts "$tlog")"
    report "$name-$version" ok "${counts/ //}" "$((SECONDS - start))s, log $tlog"
    grep -E '^test .* \.\.\. FAILED$' "$tlog" | head -20 | sed 's/^/    /' || true
}

# ---------------------------------------------------------------------------------------------
# PyPI sdists: downloaded once with pip (maturin computes the metadata, hence no build
# isolation), built with `maturin build` with the patch in the sdist's root Cargo.toml,
# installed into the venv, and tested with the sdist's own pytest suite.
# `ls` fails when one of the two spellings is absent (the usual case): not an error here.
sdist_file() { { ls "$WORK/sdist/$1-$2.tar.gz" "$WORK/sdist/${1//-/_}-$2.tar.gz" 2>/dev/null || true; } | head -1; }

run_pypi() {
    local name="$1" version="$2" how="$3" manifest tests deps file dir blog tlog start=$SECONDS
    IFS=';' read -r manifest tests deps <<<"$how"
    file="$(sdist_file "$name" "$version")"
    if [[ -z "$file" ]]; then
        step "$name $version: pip download (sdist)"
        python -m pip download --quiet --no-binary :all: --no-deps --no-build-isolation \
            -d "$WORK/sdist" "$name==$version" >"$LOGS/$name.download.log" 2>&1 || true
        file="$(sdist_file "$name" "$version")"
    fi
    [[ -n "$file" ]] || { report "$name-$version" FAIL 0/0 "sdist download failed, log $LOGS/$name.download.log"; return; }
    rm -rf "$WORK/src/$name-$version" "$WORK/src/${name//-/_}-$version"
    tar xzf "$file" -C "$WORK/src"
    dir="$({ ls -d "$WORK/src/$name-$version" "$WORK/src/${name//-/_}-$version" 2>/dev/null || true; } | head -1)"
    patch_table >>"$dir/Cargo.toml"
    blog="$LOGS/$name.build.log"
    tlog="$LOGS/$name.test.log"
    rm -rf "$WORK/wheels/$name"
    step "$name $version: maturin build"
    if ! (cd "$dir" && use_patch ${manifest:+--manifest-path "$manifest"} &&
        maturin build --interpreter "$PYO3_PYTHON" --out "$WORK/wheels/$name" \
        ${manifest:+--manifest-path "$manifest"}) >"$blog" 2>&1; then
        report "$name-$version" FAIL 0/0 "$((SECONDS - start))s, log $blog"
        error_summary "$blog" | sed 's/^/    /'
        grep -q '^error' "$blog" || tail -5 "$blog" | sed 's/^/    /'
        return
    fi
    if ! uses_our_pyo3 "$dir/Cargo.lock"; then
        report "$name-$version" FAIL 0/0 "the patch was not used: pyo3 still comes from crates.io"
        return
    fi
    python -m pip install --quiet --force-reinstall --no-deps "$WORK/wheels/$name"/*.whl >>"$blog" 2>&1
    # shellcheck disable=SC2086 # $deps is a list of requirements
    [[ -z "$deps" ]] || python -m pip install --quiet $deps >>"$blog" 2>&1
    local counts
    if [[ -n "$tests" ]]; then
        step "$name $version: pytest $tests"
        # shellcheck disable=SC2086 # $tests is a list of paths
        (cd "$dir" && python -m pytest -p no:cacheprovider -q $tests) >"$tlog" 2>&1 || true
        counts="$(python3 - "$tlog" <<'EOF'
import re, sys
last = [l for l in open(sys.argv[1], errors="replace") if re.search(r"\d+ (passed|failed|errors?)\b", l)]
n = {k: 0 for k in ("passed", "failed", "error")}
for num, kind in re.findall(r"(\d+) (passed|failed|error)", last[-1] if last else ""):
    n[kind] += int(num)
print(f"{n['passed']}/{n['passed'] + n['failed'] + n['error']}")
EOF
)"
        report "$name-$version" ok "$counts" "$((SECONDS - start))s, log $tlog"
        grep -E '^(FAILED|ERROR) ' "$tlog" | head -20 | sed 's/^/    /' || true
    else
        # The sdist ships no tests: check that the module imports and does its main job.
        step "$name $version: smoke test (no test suite in the sdist)"
        if python - "$name" >"$tlog" 2>&1 <<'EOF'; then
import importlib, sys
name = sys.argv[1]
mod = importlib.import_module(name.replace("-", "_"))
if name == "ormsgpack":
    value = {"a": [1, 2.5, None, True, "x" * 40], "b": {"n": -(2**63)}, "c": b"\x00\xff"}
    assert mod.unpackb(mod.packb(value)) == value
    try:
        mod.packb(object())
    except TypeError as exc:
        print("unserializable object:", type(exc).__name__, exc)
    else:
        raise AssertionError("packb(object()) did not raise")
print(name, "ok")
EOF
            counts="1/1"
        else
            counts="0/1"
        fi
        report "$name-$version" ok "$counts" "smoke test, $((SECONDS - start))s, log $tlog"
    fi
}

# ---------------------------------------------------------------------------------------------
fetch_crates
for spec in "${PROJECTS[@]}"; do
    IFS='|' read -r kind name version how <<<"$spec"
    wanted "$name" || continue
    case "$kind" in
        crate) run_crate "$name" "$version" "$how" ;;
        pypi) run_pypi "$name" "$version" "$how" ;;
    esac
done

echo "downstream: results in $RESULTS, full log $RUN_LOG"
python3 - "$RESULTS" "$BRANCH" "$COMMIT" "$SECONDS" <<'EOF'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
built = sum(" build=ok " in l for l in lines)
passed = total = green = 0
for l in lines:
    p, t = map(int, re.search(r"tests=(\d+)/(\d+)", l).groups())
    passed += p
    total += t
    green += " build=ok " in l and p == t and t > 0
print(f"downstream: summary built={built}/{len(lines)} passing={green}/{len(lines)} "
      f"tests_passed={passed}/{total} pyo3={sys.argv[2]}@{sys.argv[3]} time={sys.argv[4]}s")
sys.exit(0 if green == len(lines) else 1)
EOF
