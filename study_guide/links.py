"""The one link gate: which link targets text from data may produce.

A link may go to http(s), mailto or a target on this site (relative, `#anchor`, `/path`).
Targets are judged the way a browser reads an href: HTML entities decoded, control
characters and whitespace dropped, case folded. So `&#106;avascript:`, `JavaScript:` and
`\\x01javascript:` all count as javascript.

The Markdown scan over-approximates on purpose: every place a target can start is checked
(inline links and images `](`, reference definitions `[n]:`, autolinks `<x:…>`, raw
`scheme://` URLs), whether or not Markdown would end up making a link there, and code
spans and fenced blocks are scanned too: a fence that a template folds onto one line, or
a backtick that is escaped, is no longer code.
Plain-text fields (names, titles, labels) allow no link syntax at all: they are printed in
headings, tables, link texts and the navigation, where a link is never wanted.
`unsafe_html_targets` lists the unsafe targets in HTML (the tests judge the gate with it); the
built HTML itself passes the sanitiser (sanitise.py), whose URL schemes are ALLOWED_SCHEMES.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import validators

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
RULE = "links may only go to http(s), mailto or pages of this site"

_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
# C0 controls, DEL and spaces, which a browser strips or drops from a URL, and invisible
# characters, which it keeps: dropping them too only errs on the strict side.
_IGNORED = re.compile(r"[\x00-\x20\x7f\u00a0\u200b-\u200d\u2060\ufeff]")
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f]")
# What ends a line for Markdown, YAML or a browser's text layout, and tabs (Markdown reads a
# leading one as code): a plain-text field allows none of them.
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_LINE_BREAK_OR_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
_LEADING = re.compile(r"[\s<\x00-\x1f\x7f]*")  # what Markdown and a browser skip before a target

# Where a link target can start in Markdown.
_INLINE = re.compile(r"\]\(")  # [text](target) and ![alt](target)
_DEFINITION = re.compile(r"^[ \t>*+\-\d.]*\[[^\]\n]*\]:", re.MULTILINE)  # [n]: target
_AUTOLINK = re.compile(r"<(?=[^\s<>]{1,64}:)")  # <scheme:...>; bounded, so "<<<<…" stays linear
_RAW_URL = re.compile(r"(?<![a-z0-9+.\-])[a-z][a-z0-9+.\-]*://", re.IGNORECASE)
# Python-Markdown allows one space in a reference link: [text] [ref].
_ANY_LINK_SYNTAX = re.compile(r"\](?:\(|\s?\[|:)|<[^\s<>]{1,64}:")
_TARGET = re.compile(r"(?:[\x00-\x1f\x7f]*[^\s)>\"'\x00-\x1f\x7f]){0,64}")


def normalise(target: str) -> str:
    """A target as a browser would read it from an href attribute."""
    previous = None
    decoded = target
    for _ in range(5):  # entities inside entities, bounded
        if decoded == previous:
            break
        previous, decoded = decoded, html.unescape(decoded)
    decoded = _BACKSLASH_ESCAPE.sub(r"\1", decoded)  # Markdown's backslash escapes
    return _IGNORED.sub("", decoded).casefold()


@functools.lru_cache(maxsize=4096)
def scheme_of(target: str) -> str | None:
    """The scheme a browser would see in `target`, or None for a relative target."""
    match = _SCHEME.match(normalise(target))
    return match.group(1) if match else None


def is_allowed(target: str) -> bool:
    scheme = scheme_of(target)
    return scheme is None or scheme in ALLOWED_SCHEMES


def _target_at(text: str, start: int) -> str:
    """The link target that starts at `start`, skipping what Markdown or a browser skips."""
    # A browser drops tabs and newlines anywhere in a URL, and leading controls and spaces.
    # Only the scheme matters, so 64 characters are enough, and the scan stays linear.
    start = _LEADING.match(text, start).end()
    return _CONTROL_OR_BREAK.sub("", _TARGET.match(text, start).group(0))


def markdown_problems(text: str) -> list[str]:
    """Why `text` (Markdown) may not be published: one message per unsafe link target."""
    problems = []
    if control := _CONTROL.search(text):
        problems.append(f"contains the control character U+{ord(control.group(0)):04X}; remove it")
    scanned = html.unescape(text)
    starts = [m.end() for m in _INLINE.finditer(scanned)]
    starts += [m.end() for m in _DEFINITION.finditer(scanned)]
    starts += [m.end() for m in _AUTOLINK.finditer(scanned)]
    refused = set()
    for start in starts:
        target = _target_at(scanned, start)
        if not target:
            problems.append("a link has no target; write [text](https://…) in full")
        elif target not in refused and not is_allowed(target):  # each bad target reported once
            refused.add(target)
            problems.append(f"link target {target[:60]!r} is not allowed: {RULE}")
    for match in _RAW_URL.finditer(scanned):
        url = _target_at(scanned, match.start())
        if url not in refused and not is_allowed(url):
            refused.add(url)
            problems.append(f"raw URL {url[:60]!r} is not allowed: {RULE}")
    return problems


def plain_text_problems(text: str) -> list[str]:
    """Why `text` (a plain-text field: one line, printed in headings, tables and link texts) may not be published."""
    problems = []
    if control := _LINE_BREAK_OR_CONTROL.search(text):
        character = control.group(0)
        if character in _LINE_BREAKS:
            problems.append(
                f"must be one line: contains a line break (U+{ord(character):04X}); plain text is printed in "
                "headings, tables and titles, where a new line would start new content"
            )
        else:
            problems.append(f"contains the control character U+{ord(character):04X}; remove it")
    if _ANY_LINK_SYNTAX.search(html.unescape(text)):
        problems.append(
            "plain text may not contain link syntax ([text](target), [text][ref], [ref]: target or "
            "<scheme:…>); put links in a Markdown field such as a description"
        )
    return problems


def url_problems(url: str) -> list[str]:
    """Why `url` is not a full http(s) URL that can be written into an href as it is."""
    if urlsplit(url).scheme not in ("http", "https") or not validators.url(url):
        return [f"got {url[:80]!r}; expected a full http:// or https:// URL with a host and no spaces or quotes"]
    return []


# Attributes whose value a browser follows or loads as a URL.
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"})


class _TargetCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.unsafe: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in _URL_ATTRIBUTES and value is not None and not is_allowed(value):
                self.unsafe.append(f"<{tag} {name}={value[:60]!r}>")


def unsafe_html_targets(page_html: str) -> list[str]:
    """Every link or resource in `page_html` whose scheme the policy does not allow."""
    collector = _TargetCollector()
    collector.feed(page_html)
    collector.close()
    return collector.unsafe
