"""Reading a built site: pages, the ids they define and the links they make."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}


@dataclass
class PageInfo:
    ids: set[str] = field(default_factory=set)
    repeated_ids: list[str] = field(default_factory=list)  # ids defined more than once on the page
    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)  # loaded with the page, not followed
    meta: dict[str, str] = field(default_factory=dict)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            if values["id"] in self.info.ids:
                self.info.repeated_ids.append(values["id"])
            self.info.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.info.ids.add(values["name"])
        for name, value in attrs:
            if (tag, name) in LINK_ATTRS and value is not None:
                self.info.links.append(value)
                if tag != "a" and not (tag == "link" and values.get("rel") in {"canonical", "alternate"}):
                    self.info.resources.append(value)
        if tag == "meta" and values.get("name") and values.get("content") is not None:
            self.info.meta[values["name"]] = values["content"]


def read_page(path: Path) -> PageInfo:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector.info


def html_pages(site: Path) -> dict[str, PageInfo]:
    """site-relative path (e.g. 'roles/x/index.html') -> what the page holds."""
    return {str(p.relative_to(site)): read_page(p) for p in sorted(site.rglob("*.html"))}


def resolve(page: str, link: str, base_path: str = "/") -> tuple[str, str] | None:
    """A link on `page` -> (site-relative file, fragment); None for external links.

    Root-absolute links (only the 404 page has them) resolve against `base_path`, the path
    the site is served under; one outside it resolves to a file that does not exist.
    """
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        inside = path.startswith(base_path)
        path = path[len(base_path) :] if inside else f"../outside-the-site{path}"
        page = "index.html"
    if path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith("/") or target == ".":
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
    else:
        target = page
    return target, unquote(parts.fragment)
