#!/usr/bin/env python3
"""Checks the internal links of the built guide (mdbook's HTML output).

Every `href` that points inside the book (a relative path, with or without `#anchor`) must name
a file of the build, and the anchor, if any, must be an `id` in that file. External links
(http:, https:, mailto:) are not fetched. Prints one line per broken link and a summary line
with the counts; exits 1 when a link is broken or when fewer pages than expected were found.

Usage: check-guide-links.py BOOK_DIR [MIN_PAGES]
"""

import html.parser
import os
import sys
import urllib.parse


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path):
    collector = _Collector()
    with open(path, encoding="utf-8") as f:
        collector.feed(f.read())
    return collector


def main():
    book = os.path.abspath(sys.argv[1])
    min_pages = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    pages = {}
    for root, _dirs, files in os.walk(book):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(root, name)
                pages[path] = _parse(path)
    # mdbook's own pages (print view, 404, table of contents) link as the chapters do.
    broken, checked = [], 0
    for path, page in sorted(pages.items()):
        for href in page.hrefs:
            url = urllib.parse.urlsplit(href)
            if url.scheme or url.netloc or href.startswith("javascript:"):
                continue
            checked += 1
            target = path if not url.path else os.path.normpath(
                os.path.join(os.path.dirname(path), urllib.parse.unquote(url.path))
            )
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            rel = os.path.relpath(path, book)
            if target.endswith(".html") and target not in pages:
                broken.append(f"{rel}: {href}: no such page")
                continue
            if not target.endswith(".html"):
                if not os.path.exists(target):
                    broken.append(f"{rel}: {href}: no such file")
                continue
            if url.fragment and url.fragment not in pages[target].ids:
                broken.append(f"{rel}: {href}: no anchor #{url.fragment}")
    for line in broken:
        print(f"broken link: {line}")
    print(f"guide links: pages={len(pages)} internal_links={checked} broken={len(broken)}")
    if len(pages) < min_pages:
        print(f"expected at least {min_pages} pages", file=sys.stderr)
        return 1
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
