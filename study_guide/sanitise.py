"""The one HTML allowlist: every fragment the build makes from data passes it unchanged, or the build stops.

Data text is escaped for Markdown before it is rendered (markdown_text.py), and what comes out is
checked here with a maintained sanitiser, nh3 (the Python binding of Rust's ammonia), against an
allowlist of the elements and attributes the guide's own pages use. Escaping decides what Markdown
sees; the sanitiser judges what a browser would get, so a gap between the escaper's idea of a code
span and Python-Markdown's cannot let markup through.

Every output carries what nh3 keeps, and `sanitised` compares that with the HTML it was given:
any difference in meaning (an element, an attribute or a value the list does not name) is reported,
never silently stripped. The guide's own data passes with its meaning unchanged; only nh3's way of
writing HTML differs on a few pages (README, "Text from data is text"). A new Markdown feature that
needs a new element is therefore one conscious line here (tests/test_sanitise.py checks that every
entry is still used by the real site).
"""

from __future__ import annotations

from html.parser import HTMLParser

import nh3

from . import links

# Elements the pages, guide.json and the Anki cards use (Python-Markdown with mkdocs.yml's
# extensions, and the templates' own markup): exactly what the real site uses, which
# tests/test_sanitise.py checks both ways.
TAGS = frozenset(
    {
        "a", "abbr", "code", "details", "div", "em", "h1", "h2", "h3", "hr", "kbd", "li", "noscript", "ol", "p",
        "pre", "span", "strong", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Attributes allowed with any value (links are further limited to URL_SCHEMES).
ATTRIBUTES: dict[str, set[str]] = {
    "a": {"class", "href", "title"},
    "abbr": {"title"},
    "details": {"class", "data-kind", "data-question", "id"},
    "div": {"class", "data-questions", "data-role", "data-round", "data-topic", "hidden", "id"},
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "li": {"data-kind", "data-level", "data-origin", "data-question", "data-value", "id"},
    "p": {"class"},
    "span": {"class"},
    "ul": {"class", "data-label"},
}
# Attributes allowed only with these values: the study scripts act on them, or they are styles.
_ALIGN = {"text-align: right;"}
ATTRIBUTE_VALUES: dict[str, dict[str, set[str]]] = {
    "a": {"data-sisg-tool": {"practice", "mock", "plan", "progress", "stories", "downloads"}, "download": {""}},
    "div": {
        "data-sisg-script": {
            "assets/study/plan.js",
            "assets/study/filters.js assets/study/practice.js",
            "assets/study/filters.js assets/study/bank.js",
            "assets/study/mockround.js assets/study/debrief.js assets/study/mock.js",
            "assets/study/mockround.js assets/study/debrief.js assets/study/progress.js",
            "assets/study/stories.js",
        },
        "data-search-exclude": {"data-search-exclude"},
    },
    "ul": {
        "data-search-exclude": {"data-search-exclude"},
        "data-filter": {"topic", "kind", "level", "origin"},  # the question bank's filters (bank.js)
    },
    "table": {"class": {"guide-loop__table"}},  # the role page's loop (templates/role.md.j2)
    "td": {"style": _ALIGN},
    "th": {"style": _ALIGN},
}
URL_SCHEMES = links.ALLOWED_SCHEMES
RULE = (
    "data text is shown as text: write code in `backticks` that close on the same line, or in a fenced "
    "block, and links only to http(s), mailto or pages of this site"
)
URL_ATTRIBUTES = frozenset({"href"})


def refusal(removed: list[str]) -> str:
    """The data error for text whose HTML the sanitiser would change (validate, presenter and build say the same)."""
    return f"would make HTML the guide does not allow ({', '.join(removed[:5])}); {RULE}"


_VOID = frozenset({"br", "hr", "img", "input", "wbr", "col", "meta", "link", "source", "area", "embed"})


def clean(html: str) -> str:
    """`html` with everything the allowlist does not name removed (nh3)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        tag_attribute_values={tag: {n: set(v) for n, v in values.items()} for tag, values in ATTRIBUTE_VALUES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=False,
    )


class _Tokens(HTMLParser):
    """What a fragment means to a browser, as a list: tags with their attributes, and text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("<", tag, tuple(sorted((name, value or "") for name, value in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in _VOID:
            self.tokens.append(("/", tag))

    def handle_data(self, data):
        if self.tokens and self.tokens[-1][0] == "text":
            self.tokens[-1] = ("text", self.tokens[-1][1] + data)
        else:
            self.tokens.append(("text", data))

    def handle_comment(self, data):
        pass  # comments are inert; nh3 keeps them (strip_comments=False)


def tokens(html: str) -> list[tuple]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.tokens


def sanitised(html: str) -> tuple[str, list[str]]:
    """(what nh3 keeps of `html`, what it removed): the first is what every output carries."""
    kept = clean(html)
    if kept == html:  # nh3 writes most of the guide's HTML back byte for byte: nothing to compare
        return kept, []
    before, after = tokens(html), tokens(kept)
    if before == after:
        return kept, []
    return kept, _describe(before, after)


def problems(html: str) -> list[str]:
    """What in `html` the allowlist does not let through, one description each; [] when it passes unchanged."""
    return sanitised(html)[1]


def _describe(before: list[tuple], after: list[tuple]) -> list[str]:
    kept = {token for token in after if token[0] == "<"}
    found = []
    for token in before:
        if token[0] != "<" or token in kept:
            continue
        tag, attrs = token[1], token[2]
        if tag not in TAGS:
            found.append(f"<{tag}>")
        else:
            found.extend(f"<{tag} {name}={value[:40]!r}>" for name, value in attrs if not _allowed(tag, name, value))
    if not found:  # every element is allowed, but not as it stands (e.g. a link to another scheme)
        index = next(i for i, (a, b) in enumerate(zip([*before, None], [*after, None], strict=False)) if a != b)
        found.append(f"markup changed by the sanitiser near {_show(before[min(index, len(before) - 1)])}")
    return list(dict.fromkeys(found))


def _show(token: tuple) -> str:
    if token[0] == "<":
        attrs = "".join(f" {name}={value[:40]!r}" for name, value in token[2])
        return f"<{token[1]}{attrs}>"
    if token[0] == "/":
        return f"</{token[1]}>"
    return repr(token[1][:40])


def _allowed(tag: str, name: str, value: str) -> bool:
    if name in URL_ATTRIBUTES and not links.is_allowed(value):
        return False
    if name in ATTRIBUTES.get(tag, set()):
        return True
    return value in ATTRIBUTE_VALUES.get(tag, {}).get(name, set())
