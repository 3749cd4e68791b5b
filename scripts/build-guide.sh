#!/usr/bin/env bash
# Builds the user guide with mdBook (installed once from crates.io into a cache directory
# outside the repo) and checks every internal link and anchor of the HTML output.
# The guide's Rust code blocks are compiled and run as doctests by `cargo test --doc`
# (see `guide_doctests` in src/lib.rs), which scripts/test-all.sh runs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

MDBOOK_VERSION=0.5.4
MDBOOK_ROOT="${MDBOOK_ROOT:-$HOME/.cache/mdbook-$MDBOOK_VERSION}"
if [[ ! -x "$MDBOOK_ROOT/bin/mdbook" ]]; then
    step "installing mdbook $MDBOOK_VERSION into $MDBOOK_ROOT (cargo install, once)"
    cargo install mdbook --version "$MDBOOK_VERSION" --locked --quiet --no-default-features \
        --features search --root "$MDBOOK_ROOT"
fi

step "mdbook build guide"
OUT="$REPO_ROOT/target/guide"
rm -rf "$OUT"
"$MDBOOK_ROOT/bin/mdbook" build guide --dest-dir "$OUT"

step "internal links and anchors of the built guide"
chapters=$(grep -c '](.*\.md)' guide/src/SUMMARY.md)
python3 scripts/check-guide-links.py "$OUT" "$chapters"
