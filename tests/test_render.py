"""Text from data is shown as text: never HTML, never Jinja, never attributes."""

from __future__ import annotations

import html
import json
import re

from study_guide.markdown_text import escape_markdown_text

from .conftest import mkdocs_build
from .test_data_errors import edit

INJECTED_TITLE = 'Evil <script>alert("x")</script> {{ 6*7 }} {% raw %} {: onclick="y" }'


def test_escape_leaves_code_alone():
    text = "Use `a < b` and\n```python\nif x < {1}:\n    pass\n```\nthen <b>bold</b> {{ x }}"
    escaped = escape_markdown_text(text, fences=True)  # a guidance paragraph: a block of its own
    assert "`a < b`" in escaped
    assert "if x < {1}:" in escaped
    assert "&lt;b&gt;bold&lt;/b&gt; &#123;&#123; x &#125;&#125;" in escaped
    # Anywhere else (a list item, text after a label) Markdown would not read the fence as a block.
    inline = escape_markdown_text(text)
    assert "`a < b`" in inline
    assert "\\```python\nif x &lt; &#123;1&#125;:" in inline


def test_injected_text_comes_out_inert(fixture_project):
    data = fixture_project / "data"
    edit(data, "roles/example-role.yaml", "title: Example Engineer", f"title: '{INJECTED_TITLE}'")
    edit(
        data,
        "topics/motivation.yaml",
        "prompt: First question about motivation?",
        "prompt: 'Why {{ 6*7 }} <img src=x onerror=alert(1)>?'",
    )
    edit(data, "roles/example-role.yaml", "short_title: Example", "short_title: <b>Ex</b>")
    result = mkdocs_build(fixture_project)
    assert result.returncode == 0, result.stderr
    site = fixture_project / "site"
    home = (site / "index.html").read_text()
    assert "<b>Ex</b>" not in home and "&lt;b&gt;Ex&lt;/b&gt;" in home  # the navigation label
    role_html = (site / "roles" / "example-role" / "index.html").read_text()
    assert "<script>alert" not in role_html
    assert "&lt;script&gt;alert" in role_html
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", role_html, re.DOTALL).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", heading)).strip().rstrip("¶") == INJECTED_TITLE
    assert "Evil 42" not in role_html
    assert not re.search(r"<[^>]*\sonclick=", role_html)
    for listing in ("questions", "topics/motivation"):  # the question bank and the topic's page
        text = (site / listing / "index.html").read_text()
        assert "<img src=x" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text, listing
        assert "Why 42" not in text, listing
    # guide.json keeps the text exactly as written, for the browser to insert as text.
    guide = json.loads((site / "guide.json").read_text())
    assert guide["roles"][0]["title"] == INJECTED_TITLE
