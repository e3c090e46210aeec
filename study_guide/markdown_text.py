"""Make text from data safe to place in generated Markdown.

Data text is Markdown, so emphasis, lists, links and `code` work. What must not work:
raw HTML (it would run in the reader's browser), `{{ }}` or `{% %}` (they would be
evaluated by a later Jinja pass), and `{: attr }` lists that could set attributes.
Code spans, and fenced blocks where the text stands as a block, are left alone because
Markdown already shows their content literally. This is the first line; the second is the
sanitiser (sanitise.py), which judges the HTML that comes out, so a shape of text this module
misreads cannot run.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# A code span as Python-Markdown reads one: a run of backticks closed by a run of the same length,
# neither escaped nor part of a longer run; and a fenced block, where the text is a block of its own.
# When this and Markdown still disagree, the sanitiser (sanitise.py) stops what comes out; erring
# here only over-escapes.
_SPAN = r"(?<![\\`])(?P<run>`+)(?!`)[^\n]*?(?<!`)(?P=run)(?!`)"
_FENCE = r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$"
# A line that could open a fenced block (at any indentation, as in a list item): where no block
# follows, its first backtick or tilde is escaped, so Markdown cannot open a block that would run
# on over what the page puts after this text.
_FENCE_OPENER = re.compile(r"^([ \t]*)(`{3,}|~{3,})", re.MULTILINE)
_WHOLE_FENCE = re.compile(_FENCE, re.MULTILINE | re.DOTALL)
_CODE_SPANS = re.compile(_SPAN, re.MULTILINE | re.DOTALL)
_CODE_SPANS_AND_FENCES = re.compile(f"{_SPAN}|(?P<block>{_FENCE})", re.MULTILINE | re.DOTALL)
_TEXT_FOLLOWS = re.compile(r"\n[ \t]*\S")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"}
_SPECIAL = re.compile("[&<>{}]")


def escape_markdown_text(value: object, fences: bool = False) -> str:
    """Escape HTML and template syntax outside code; `Markup` passes through untouched.

    Fenced blocks are code only with `fences`: for text placed as a block of its own (a guidance
    paragraph). Anywhere else (a list item, a line after a label, a heading) Markdown would not
    read the fence as one, so its lines are escaped like the rest.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = _FENCE_OPENER.sub(r"\1\\\2", str(value)) if not fences else _unclosed_fences_escaped(str(value))
    pieces = []
    last = 0
    for match in (_CODE_SPANS_AND_FENCES if fences else _CODE_SPANS).finditer(text):
        pieces.append(_escape(text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
        if fences and match.group("block") and _TEXT_FOLLOWS.match(text, last):
            # Text right under a closing fence would join the block into one paragraph: <p><div>…</p>.
            pieces.append("\n")
    pieces.append(_escape(text[last:]))
    return "".join(pieces)


def _unclosed_fences_escaped(text: str) -> str:
    """Escape each fence opener that is not part of a whole fenced block (which stays as written)."""
    pieces, last = [], 0
    for match in _WHOLE_FENCE.finditer(text):
        pieces.append(_FENCE_OPENER.sub(r"\1\\\2", text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_FENCE_OPENER.sub(r"\1\\\2", text[last:]))
    return "".join(pieces)


def _escape(text: str) -> str:
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], text)
