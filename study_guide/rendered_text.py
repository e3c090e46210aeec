"""Every text field of the guide rendered on its own, as the pages render it, and judged by the sanitiser.

`study-guide validate` runs this after the other checks, so text that would make HTML the
allowlist does not name (study_guide/sanitise.py) is a data error with its file, line and field,
like any other. The build sanitises every page and fragment anyway; it runs this only when a page
fails, to say which field is to blame (rendering every field costs about as much as a fifth of a
build, which a build of good data should not pay).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from . import sanitise
from .crossref import Finding, Where, documents
from .errors import Loc
from .markdown_html import SiteMarkdown
from .markdown_text import escape_markdown_text
from .model import Guide
from .presenter import SECTIONS, fenced_code
from .render import oneline

# Guidance fields the presenter places as blocks of their own (fenced blocks are code there).
_BLOCK_FIELDS = frozenset(section.field for section in SECTIONS if section.kind == "paragraph")


def findings(guide: Guide, markdown: SiteMarkdown, project_root: Path) -> Iterator[Finding]:
    texts: list[tuple[Where, Loc, str]] = []
    for where, loc, document in documents(guide):
        texts.extend((where, field_loc, text) for field_loc, text in _strings(document, loc))
    # Each text as written, folded onto one line as headings, tables and link texts print it, and
    # (list items) as an item of a Markdown list.
    pieces, owners = [], []
    for index, (_, loc, text) in enumerate(texts):
        if loc[-1] == "code_file":  # shown as a fenced block of the file's contents
            forms = [fenced_code(project_root, text)]
        else:
            fences = len(loc) > 1 and loc[-2] == "guidance" and loc[-1] in _BLOCK_FIELDS
            escaped = escape_markdown_text(text, fences=fences)
            forms = [escaped, escape_markdown_text(oneline(text))]
            if isinstance(loc[-1], int):  # an item of a list, placed as the templates place it, with a next item
                forms.append("- " + escaped.replace("\n", "\n  ") + "\n- next")
            forms = list(dict.fromkeys(forms))
        pieces.extend(forms)
        owners.extend([index] * len(forms))
    removed: dict[int, list[str]] = {}
    for index, html in zip(owners, markdown.html_parts(pieces), strict=True):
        removed.setdefault(index, []).extend(sanitise.problems(html))
    for index, found in removed.items():
        if found:
            where, loc, _ = texts[index]
            yield where, loc, sanitise.refusal(list(dict.fromkeys(found)))


def _strings(item: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every string inside a model, with its location (ids and enum values included: they are text too)."""
    if isinstance(item, BaseModel):
        for name in type(item).model_fields:
            yield from _strings(getattr(item, name), (*loc, name))
    elif isinstance(item, list):
        for index, child in enumerate(item):
            yield from _strings(child, (*loc, index))
    elif isinstance(item, str):
        yield loc, item
