"""Markdown to HTML with the site's own Python-Markdown configuration, for every output outside the pages.

The extensions and their options come from mkdocs.yml's `markdown_extensions` (through MkDocs'
own config loading), so guide.json, the Anki cards and the CSV/JSON rows read text exactly as
the pages do. Callers pass text already escaped by `markdown_text.escape_markdown_text`, as the
page templates do, so raw HTML in data comes out as text here too.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

_PART = "<!--sisg-part-->"
_ONE_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.DOTALL)
_PRE = "\x00"  # marks a line of code while the text is assembled
_BLOCKS = {"p", "li", "pre", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "dd", "dt", "blockquote"}


class SiteMarkdown:
    """One Python-Markdown instance configured as the site's pages are."""

    def __init__(self, extensions: list, configs: dict):
        self._md = markdown.Markdown(extensions=extensions, extension_configs=configs)

    @classmethod
    def from_mkdocs_yml(cls, config_file: Path) -> SiteMarkdown:
        """Read the extensions from mkdocs.yml, resolved as `mkdocs build` resolves them."""
        from mkdocs.config import load_config

        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        config = load_config(str(config_file))
        return cls(config.markdown_extensions, config.mdx_configs)

    def html(self, escaped_markdown: str) -> str:
        self._md.reset()
        return self._md.convert(escaped_markdown)

    def html_parts(self, escaped_markdown: list[str]) -> list[str]:
        """Several independent pieces in one conversion (each conversion has a fixed cost).

        The pieces are separated by an HTML comment, which Python-Markdown passes through as a
        block of its own; escaped data text cannot contain one, and in code it comes out escaped.
        """
        parts = self.html(f"\n\n{_PART}\n\n".join(escaped_markdown)).split(_PART)
        if len(parts) != len(escaped_markdown):  # never expected; fall back to one by one
            return [self.html(piece) for piece in escaped_markdown]
        return [part.strip("\n") for part in parts]

    def inline_html(self, escaped_markdown: str) -> str:
        """HTML for a one-line context (a heading, a link): a single paragraph loses its <p>."""
        return unwrap_paragraph(self.html(escaped_markdown))


def unwrap_paragraph(html: str) -> str:
    """A single paragraph's content without its <p>; anything else unchanged."""
    match = _ONE_PARAGRAPH.match(html)
    return match.group(1) if match and "<p>" not in match.group(1) else html


class _Text(HTMLParser):
    """Text of an HTML fragment: blocks on their own lines, and the text of each top-level <li>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.items: list[list[str]] = []
        self._list_depth = 0
        self._pre = 0

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            self._pre += 1
        if tag in {"ul", "ol"}:
            self._list_depth += 1
        elif tag == "li" and self._list_depth == 1:
            self.items.append([])
        if tag in _BLOCKS:
            self._add("\n")

    def handle_endtag(self, tag):
        if tag == "pre":
            self._pre -= 1
        if tag in {"ul", "ol"}:
            self._list_depth -= 1
        if tag in _BLOCKS:
            self._add("\n")

    def handle_data(self, data):
        # Code keeps its line breaks and indentation: each of its lines is marked as preformatted.
        self._add(data.replace("\n", "\n" + _PRE) if self._pre else data)

    def _add(self, text: str) -> None:
        self.parts.append(text)
        if self._list_depth and self.items:
            self.items[-1].append(text)


def _tidy(parts: list[str]) -> str:
    lines = []
    for line in "".join(parts).split("\n"):
        if line.startswith(_PRE):
            lines.append(line.replace(_PRE, "").rstrip())
        elif line.strip():
            lines.append(" ".join(line.split()))
    return "\n".join(lines).strip("\n")


def plain_text(html: str) -> str:
    """The text a reader sees, one block per line (for CSV cells and JSON rows)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return _tidy(parser.parts)


def list_items(html: str) -> list[str]:
    """The text of each top-level list item."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return [_tidy(item) for item in parser.items]
