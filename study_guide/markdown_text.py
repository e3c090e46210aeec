"""Make text from data safe to place in generated Markdown.

Data text is Markdown, so emphasis, lists, links and `code` work. What must not work:
raw HTML (it would run in the reader's browser), `{{ }}` or `{% %}` (they would be
evaluated by a later Jinja pass), and `{: attr }` lists that could set attributes.
Code spans and fenced blocks are left alone because Markdown already shows their
content literally.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_CODE = re.compile(r"(^(`{3,}|~{3,})[^\n]*\n.*?^\2[ \t]*$|`+[^`\n]*?`+)", re.MULTILINE | re.DOTALL)
_TEXT_FOLLOWS = re.compile(r"\n[ \t]*\S")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}
_SPECIAL = re.compile("[&<>{}]")


def escape_markdown_text(value: object) -> str:
    """Escape HTML and template syntax outside code; `Markup` passes through untouched."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = str(value)
    pieces = []
    last = 0
    for match in _CODE.finditer(text):
        pieces.append(_escape(text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
        if match.group(2) and _TEXT_FOLLOWS.match(text, last):
            # Text right under a closing fence would join the block into one paragraph: <p><div>…</p>.
            pieces.append("\n")
    pieces.append(_escape(text[last:]))
    return "".join(pieces)


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], text)
