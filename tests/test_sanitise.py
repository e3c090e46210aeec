"""The sanitiser's allowlist (study_guide/sanitise.py): what it refuses, and that it is exactly what the guide uses."""

from __future__ import annotations

import json
from collections import defaultdict
from html.parser import HTMLParser

import pytest

from study_guide import sanitise

from .test_downloads import read_apkg

REFUSED = {
    "event handler": ('<a href="https://example.com" onclick="alert(1)">x</a>', ["<a onclick='alert(1)'>"]),
    "image with onerror": ("<p>x <img src=x onerror=alert(1)></p>", ["<img>"]),
    "script": ("<script>alert(1)</script>", ["<script>"]),
    "style element": ("<style>body{display:none}</style>", ["<style>"]),
    "style attribute": ('<p style="position:fixed">x</p>', ["<p style='position:fixed'>"]),
    "base": ('<base href="https://example.com/">', ["<base>"]),
    "form": ('<form action="https://example.com"><input name="q"></form>', ["<form>", "<input>"]),
    "iframe": ('<iframe src="https://example.com"></iframe>', ["<iframe>"]),
    "javascript link": ('<a href="javascript:alert(1)">x</a>', ["<a href='javascript:alert(1)'>"]),
    "entity-encoded javascript link": ('<a href="&#106;avascript:alert(1)">x</a>', ["<a href='javascript:alert(1)'>"]),
    "study script from elsewhere": (
        '<div data-sisg-script="https://example.com/x.js"></div>',
        ["<div data-sisg-script='https://example.com/x.js'>"],
    ),
    "svg": ("<svg><a href='#'><text>x</text></a></svg>", ["<svg>", "<text>"]),
}


@pytest.mark.parametrize("html, removed", REFUSED.values(), ids=REFUSED.keys())
def test_what_the_allowlist_does_not_name_is_removed_and_reported(html, removed):
    kept, found = sanitise.sanitised(html)
    assert found == removed
    assert sanitise.problems(kept) == []  # what is kept passes unchanged


KEPT = [
    '<p><a class="headerlink" href="#x" title="Permanent link">¶</a></p>',
    '<p><a href="https://example.com/a?b=c&amp;d=e">x</a> <a href="mailto:a@b.c">y</a> <a href="../x/#y">z</a></p>',
    '<p><abbr title="Key performance indicator">KPI</abbr> <code>&lt;b&gt;</code></p>',
    '<table><thead><tr><th style="text-align: right;">n</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    '<details class="question" id="q" data-question="q" data-kind="coding"><summary>x</summary></details>',
]


@pytest.mark.parametrize("html", KEPT)
def test_the_guides_own_markup_passes_unchanged(html):
    assert sanitise.sanitised(html) == (html, [])


class _Usage(HTMLParser):
    """(tag, attribute) -> values, for every element inside the article (what the guide writes)."""

    def __init__(self, whole: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 1 if whole else 0
        self.used: dict[tuple[str, str | None], set[str]] = defaultdict(set)

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            if tag == "article":
                self.depth = 1
            return
        attrs = [(name, value or "") for name, value in attrs]
        if tag not in sanitise._VOID:
            self.depth += 1
        if tag in {"svg", "path"} or (tag == "a" and ("rel", "edit") in attrs):
            return  # Material's edit button and icons
        self.used[(tag, None)].add("")
        for name, value in attrs:
            self.used[(tag, name)].add(value)

    def handle_endtag(self, tag):
        if self.depth and tag not in sanitise._VOID:
            self.depth -= 1


def test_the_allowlist_is_exactly_what_the_real_site_uses(built_site, tmp_path):
    """Every allowed element, attribute and fixed value is used by the real guide, and nothing else is:
    an entry no page needs is a hole to close, a missing one a build that fails."""
    used: dict[tuple[str, str | None], set[str]] = defaultdict(set)

    def collect(html: str, whole: bool) -> None:
        parser = _Usage(whole)
        parser.feed(html)
        parser.close()
        for key, values in parser.used.items():
            used[key] |= values

    for page in built_site.rglob("*.html"):
        collect(page.read_text(encoding="utf-8"), whole=False)
    guide = json.loads((built_site / "guide.json").read_text(encoding="utf-8"))
    for question in guide["questions"]:
        for html in [question["prompt_html"], *(section["html"] for section in question["sections"])]:
            collect(html, whole=True)
    apkg = read_apkg(built_site / "downloads" / "all-roles.apkg", tmp_path)
    for note in apkg["notes"]:
        for field in note["fields"]:
            collect(field, whole=True)

    # Material's search plugin reads data-search-exclude after the sanitiser has passed the page, and
    # removes it from what it writes: the pages the hook sees have it, the built files do not.
    for tag in ("div", "ul"):
        used[(tag, "data-search-exclude")].add("data-search-exclude")
    allowed = {(tag, None) for tag in sanitise.TAGS}
    allowed |= {(tag, name) for tag, names in sanitise.ATTRIBUTES.items() for name in names}
    allowed |= {(tag, name) for tag, names in sanitise.ATTRIBUTE_VALUES.items() for name in names}
    assert {"unused": sorted(allowed - set(used), key=str), "not allowed": sorted(set(used) - allowed, key=str)} == {
        "unused": [],
        "not allowed": [],
    }
    fixed = {(tag, name): values for tag, names in sanitise.ATTRIBUTE_VALUES.items() for name, values in names.items()}
    assert {key: used[key] for key in fixed} == fixed
