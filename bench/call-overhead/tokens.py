"""Counts Rust tokens, for the macro-expansion ratio of size.sh.

    python tokens.py FILE...                    total tokens of the files
    python tokens.py --items FILE [--top N]     also tokens per top-level item of FILE,
                                                grouped by item kind (for expanded code)

Tokenisation (the same for the hand-written source and for rustc's `-Zunpretty=expanded`
output, so that the ratio compares like with like):

- whitespace and ordinary comments are not tokens;
- an identifier, keyword, lifetime/label, number (with suffix) or literal (string, raw
  string, byte/C string, char, byte) is one token;
- punctuation is one token per Rust operator, longest match first (`::`, `->`, `=>`, `..=`,
  `<<=`, ...), so `a::b` is three tokens whichever way a printer spaces it;
- a doc comment counts as the attribute rustc turns it into: `/// x` as `#[doc = "x"]`
  (6 tokens), `//! x` as `#![doc = "x"]` (7), likewise `/** */` and `/*! */`, so a doc
  comment written by hand and the same text printed as an attribute count alike.
"""

import argparse
import collections
import re
import sys

PUNCT = sorted(
    """<<= >>= ... ..= :: -> => == != <= >= && || += -= *= /= %= ^= &= |= << >> ..
    + - * / % ^ ! & | = < > @ . , ; : # $ ? ~ ( ) [ ] { }""".split(),
    key=len,
    reverse=True,
)
IDENT = re.compile(r"r#[A-Za-z_][A-Za-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*")
NUMBER = re.compile(
    r"0x[0-9a-fA-F_]+[A-Za-z0-9_]*|0o[0-7_]+[A-Za-z0-9_]*|0b[01_]+[A-Za-z0-9_]*"
    r"|[0-9][0-9_]*(\.[0-9][0-9_]*)?([eE][+-]?[0-9_]+)?[A-Za-z0-9_]*"
    r"|[0-9][0-9_]*\.(?![.A-Za-z_])"
)
CHAR = re.compile(r"b?'(\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F_]+\}|.)|[^\\'])'", re.S)
LIFETIME = re.compile(r"'[A-Za-z_][A-Za-z0-9_]*")
RAW_STR = re.compile(r'(br|cr|r)(#*)"')
STR_PREFIX = re.compile(r'(b|c)?"')


class Token:
    __slots__ = ("kind", "text", "weight")

    def __init__(self, kind, text, weight=1):
        self.kind = kind  # "ident", "punct", "lit", "doc"
        self.text = text
        self.weight = weight  # tokens it counts as (a doc comment counts as its attribute)


def _string_end(src, i):
    """Index just past the closing quote of a (non-raw) string whose opening quote is at i."""
    j = i + 1
    while True:
        c = src[j]
        if c == "\\":
            j += 2
        elif c == '"':
            return j + 1
        else:
            j += 1


def _block_comment_end(src, i):
    depth, j = 0, i
    while j < len(src):
        if src.startswith("/*", j):
            depth += 1
            j += 2
        elif src.startswith("*/", j):
            depth -= 1
            j += 2
            if depth == 0:
                return j
        else:
            j += 1
    raise ValueError("unterminated block comment")


def tokenize(src):
    """The tokens of `src` (see the module docstring)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
            continue
        if src.startswith("//", i):
            end = src.find("\n", i)
            end = n if end < 0 else end
            if src.startswith("///", i) and not src.startswith("////", i):
                out.append(Token("doc", src[i:end], 6))
            elif src.startswith("//!", i):
                out.append(Token("doc", src[i:end], 7))
            i = end
            continue
        if src.startswith("/*", i):
            end = _block_comment_end(src, i)
            text = src[i:end]
            if text.startswith("/**") and not text.startswith("/***") and text != "/**/":
                out.append(Token("doc", text, 6))
            elif text.startswith("/*!"):
                out.append(Token("doc", text, 7))
            i = end
            continue
        m = RAW_STR.match(src, i)
        if m:
            close = '"' + m.group(2)
            end = src.index(close, m.end()) + len(close)
            out.append(Token("lit", src[i:end]))
            i = end
            continue
        m = STR_PREFIX.match(src, i)
        if m:
            end = _string_end(src, m.end() - 1)
            out.append(Token("lit", src[i:end]))
            i = end
            continue
        m = CHAR.match(src, i)
        if m:
            out.append(Token("lit", m.group(0)))
            i = m.end()
            continue
        m = LIFETIME.match(src, i)
        if m:
            out.append(Token("ident", m.group(0)))
            i = m.end()
            continue
        m = IDENT.match(src, i)
        if m:
            out.append(Token("ident", m.group(0)))
            i = m.end()
            continue
        m = NUMBER.match(src, i)
        if m:
            out.append(Token("lit", m.group(0)))
            i = m.end()
            continue
        for p in PUNCT:
            if src.startswith(p, i):
                out.append(Token("punct", p))
                i += len(p)
                break
        else:
            raise ValueError(f"cannot tokenise {src[i:i + 20]!r} at offset {i}")
    return out


def count(tokens):
    return sum(t.weight for t in tokens)


ITEM_KEYWORDS = {"fn", "struct", "enum", "impl", "mod", "const", "static", "use", "trait",
                 "type", "macro_rules", "extern", "union"}
OPEN = {"(": ")", "[": "]", "{": "}"}


def _items(tokens, start, end):
    """Splits tokens[start:end] into items: an item ends at a `;` or a `}` at depth 0 (a
    `}` directly followed by `;` keeps the `;`)."""
    items, depth, begin = [], 0, start
    for k in range(start, end):
        t = tokens[k]
        if t.kind == "punct" and t.text in OPEN:
            depth += 1
        elif t.kind == "punct" and t.text in (")", "]", "}"):
            depth -= 1
            if depth == 0 and t.text == "}":
                if k + 1 < end and tokens[k + 1].text == ";":
                    continue
                items.append((begin, k + 1))
                begin = k + 1
        elif depth == 0 and t.text == ";":
            items.append((begin, k + 1))
            begin = k + 1
    if begin < end:
        items.append((begin, end))
    return items


def classify(tokens, a, b):
    """A short key naming the kind of item tokens[a:b] is, with user names kept (so that the
    generated items of each function and class show separately)."""
    words = []
    depth = 0
    for t in tokens[a:b]:
        if t.kind == "punct" and t.text in OPEN:
            if t.text == "{" and words and words[0] in ITEM_KEYWORDS:
                break
            depth += 1
            continue
        if t.kind == "punct" and t.text in (")", "]", "}"):
            depth -= 1
            continue
        if depth == 0 and t.kind != "doc":
            words.append(t.text)
    # skip visibility and attributes' leftovers to the item keyword
    for k, w in enumerate(words):
        if w in ITEM_KEYWORDS:
            rest = words[k:k + 12]
            if w == "impl":
                head = " ".join(rest)
                return "impl " + head[5:].split(" where ")[0][:90]
            return " ".join(rest[:3])
    return " ".join(words[:6])


def item_report(tokens, top):
    """Tokens per item, descending into `mod` bodies and `const _: () = { ... };` blocks."""
    rows = []

    def walk(a, b, prefix):
        for ia, ib in _items(tokens, a, b):
            key = classify(tokens, ia, ib)
            inner = None
            texts = [t.text for t in tokens[ia:ib]]
            if key.startswith("mod ") or key.startswith("const _"):
                if "{" in texts:
                    inner = ia + texts.index("{")
            if inner is not None:
                walk(inner + 1, ib - (2 if texts[-1] == ";" else 1), prefix + key + " / ")
                rows.append((prefix + key + " (braces)", 3))
            else:
                rows.append((prefix + key, count(tokens[ia:ib])))

    walk(0, len(tokens), "")
    rows.sort(key=lambda r: -r[1])
    for key, n in rows[:top]:
        print(f"{n:7d}  {key}")
    by_kind = collections.Counter()
    for key, n in rows:
        last = key.split(" / ")[-1]
        kind = last.split(" for ")[0].split("<")[0] if last.startswith("impl") else last.split(" ")[0]
        by_kind[kind] += n
    print("by item kind:")
    for kind, n in by_kind.most_common():
        print(f"{n:7d}  {kind}")


def self_test():
    """The tokenisation rules above, on small inputs (run by size.sh before counting)."""
    cases = {
        "a::b": ["a", "::", "b"],
        "x..=5": ["x", "..=", "5"],
        "0..n": ["0", "..", "n"],
        "1.5e-3f64 1.max(2)": ["1.5e-3f64", "1", ".", "max", "(", "2", ")"],
        "fn f<'a>(x: &'a str) -> char { 'x' }": [
            "fn", "f", "<", "'a", ">", "(", "x", ":", "&", "'a", "str", ")", "->", "char",
            "{", "'x'", "}",
        ],
        "b'a' '\\n' '\\u{e9}'": ["b'a'", "'\\n'", "'\\u{e9}'"],
        'r#"a"b"# br"x" c"y" "q\\"q"': ['r#"a"b"#', 'br"x"', 'c"y"', '"q\\"q"'],
        "// no\n/* no /* nested */ */ r#type x>>=1": ["r#type", "x", ">>=", "1"],
    }
    for src, expected in cases.items():
        got = [t.text for t in tokenize(src)]
        assert got == expected, (src, got, expected)
    # a doc comment counts as its attribute, whichever way it is written
    assert count(tokenize("/// d\nfn f() {}")) == count(tokenize('#[doc = " d"] fn f() {}'))
    assert count(tokenize("//! d\n")) == count(tokenize('#![doc = " d"]'))
    assert count(tokenize("/** d */ x")) == 7 and count(tokenize("/*! d */")) == 7
    print("tokens.py self-test passed")


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--items", action="store_true", help="tokens per top-level item")
    ap.add_argument("--top", type=int, default=40)
    opts = ap.parse_args()
    total = 0
    for path in opts.files:
        with open(path, encoding="utf-8") as fh:
            tokens = tokenize(fh.read())
        total += count(tokens)
        if opts.items:
            item_report(tokens, opts.top)
    print(total)


if __name__ == "__main__":
    sys.exit(main())
