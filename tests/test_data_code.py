"""Code lives in tested files, never in data text: the only code block data text may hold is ```text.

A solution is a file under examples/ named by `guidance.code_file` (or a worked example's
`code_file`) and tested by a plain pytest module under tests/examples/. Data text is read by the
site's own Markdown configuration, with one change: every fenced block is replaced by a marker
naming its language, so the test sees exactly the blocks the pages would show. Any block that is
not ```text (a ```python or ```sql fence, a bare fence, an indented code block) fails with its
file and field.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from mkdocs.config import load_config

from study_guide.crossref import documents, walk
from study_guide.errors import format_loc
from study_guide.load import load_guide
from study_guide.markdown_html import SiteMarkdown
from study_guide.markdown_text import escape_markdown_text

from .conftest import ROOT

ALLOWED = "text"
_BLOCK = re.compile(r"<pre\b[^>]*>")
_MARKER = re.compile(r'<pre data-fence-language="([^"]*)">')


def _marker(source, language, class_name, options, md, **kwargs) -> str:
    return f'<pre data-fence-language="{language or ""}"></pre>'


@pytest.fixture(scope="module")
def site_markdown() -> SiteMarkdown:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    configs = dict(config.mdx_configs)
    superfences = dict(configs.get("pymdownx.superfences", {}))
    superfences["custom_fences"] = [{"name": "*", "class": "fence", "format": _marker}]
    configs["pymdownx.superfences"] = superfences
    return SiteMarkdown(config.markdown_extensions, configs)


def code_blocks(markdown: SiteMarkdown, text: str) -> list[str]:
    """The language of each code block the page would show for `text` ('' for none given, '(indented)').

    Read as a guidance paragraph, the one place fenced blocks stay blocks (`fences=True`): elsewhere
    the escaper turns a fence's lines into text, so this is where a code block can appear at all.
    """
    html = markdown.html(escape_markdown_text(text, fences=True))
    found = []
    for tag in _BLOCK.findall(html):
        marker = _MARKER.fullmatch(tag)
        found.append(marker.group(1) if marker else "(indented)")
    return found


def text_fields(guide) -> Iterator[tuple[str, str, str]]:
    """(file, field path, text) for every string in the guide, list items included."""
    for (folder, item_id), base, document in documents(guide):
        file = f"data/{folder}/{item_id}.yaml" if item_id else f"data/{folder}"
        for loc, item in walk(document, base):
            for name in type(item).model_fields:
                value = getattr(item, name)
                values = enumerate(value) if isinstance(value, list) else [(None, value)]
                for index, text in values:
                    if isinstance(text, str):
                        path = (*loc, name) if index is None else (*loc, name, index)
                        yield file, format_loc(path), text


def test_data_text_holds_no_code_block_but_text(site_markdown):
    guide = load_guide(ROOT / "data")
    offending = [
        f"{file}: {field}: a ```{language} block; move the code to a file under examples/ with a test "
        "under tests/examples/ and name it in code_file (only ```text blocks may stay in data)"
        for file, field, text in text_fields(guide)
        for language in code_blocks(site_markdown, text)
        if language != ALLOWED
    ]
    assert offending == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```text\nStep 1 -> step 2\n```", ["text"]),
        ("Before.\n\n````text\nnested ``` inside\n````\n\nAfter.", ["text"]),
        ("```python\nx = 1\n```", ["python"]),
        ("~~~sql\nSELECT 1\n~~~", ["sql"]),
        ("```\nx = 1\n```", [""]),
        # A fence inside a list item is not a whole block of the text: the escaper makes it text.
        ("- item\n\n    ```python\n    x = 1\n    ```", []),
        ("Para.\n\n    indented = 'code'\n", ["(indented)"]),
        ("Inline `x = 1` and ```also inline``` are not blocks.", []),
    ],
)
def test_code_blocks_are_found_as_the_page_renders_them(site_markdown, text, expected):
    assert code_blocks(site_markdown, text) == expected


def test_every_data_file_is_searched():
    guide = load_guide(ROOT / "data")
    files = {file for file, _, _ in text_fields(guide)}
    on_disk = {f"data/{p.relative_to(ROOT / 'data').as_posix()}" for p in (ROOT / "data").rglob("*.yaml")}
    assert files == on_disk
