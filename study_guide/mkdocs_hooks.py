"""MkDocs hooks: load the guide once per build and wire it into the site.

- on_config: load and validate data/ (a data mistake stops the build with a clean
  message), and list every role in the navigation.
- on_files: a page per role, per topic and per cheat sheet, rendered in full from templates/ (no
  macro pass), so adding a role or a topic is one YAML file.
- on_page_markdown: glossary abbreviations on every page (the browser's own title tooltip).
- on_page_content: every page's HTML passes the sanitiser (study_guide/sanitise.py): what it
  carries is what nh3 keeps, and a page from which nh3 would remove anything (an element, an
  attribute, a link to a scheme other than http(s)/mailto) stops the build, naming the data field
  that makes it; a page's `toc_depth` front matter trims its table of contents.
- on_page_context: "edit this page" opens the YAML the page is built from.
- on_post_build: guide.json and its JSON Schema at the site root; spelling variants and synonyms
  added to the search index (study_guide/search_terms.py).

A data mistake is a PluginError: `mkdocs build` prints it and stops, and a running
`mkdocs serve` prints it, keeps serving the last good build and rebuilds on the next save.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from study_guide import sanitise, search_roles, search_terms, site
from study_guide.errors import GuideDataError
from study_guide.markdown_html import SiteMarkdown


@event_priority(100)  # before the macros plugin, which reads the loaded guide
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    try:
        # The pages' own Markdown configuration renders what guide.json and the downloads show.
        markdown = SiteMarkdown(config.markdown_extensions, config.mdx_configs)
        build = site.Build.load(root, markdown)
    except GuideDataError as exc:
        raise PluginError(str(exc)) from None
    config.extra[site.EXTRA_KEY] = build
    config.nav = build.nav_with_roles(config.nav)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = site.current(config)
    for src_uri, content in build.generated_pages():
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return markdown + site.current(config).abbreviations()


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    kept, removed = sanitise.sanitised(html)
    if removed:
        build = site.current(config)
        fields = build.unsafe_text()  # which data field makes it, when a field does so on its own
        made_from = [] if page.file.generated_by else [f"docs/{page.file.src_uri}"]
        made_from += [page.meta["data_source"]] if page.meta.get("data_source") else []
        where = (
            f"page {page.file.src_uri} (made from {' and '.join(made_from)}) would carry HTML the guide does not allow"
        )
        raise PluginError(f"{where} ({', '.join(removed[:5])}); {sanitise.RULE}" + (f"\n{fields}" if fields else ""))
    if "toc_depth" in page.meta:
        trim_toc(page, page.meta["toc_depth"])
    return kept


def trim_toc(page: Page, depth: object) -> None:
    """Keep headings down to level `depth` in the page's table of contents (1: none but the title).

    mkdocs.yml's toc_depth holds for every page; a long page whose subheadings are already a list
    (the topic library, the question bank) or many (a role page's topics) keeps only its sections.
    Material draws the table twice (sidebar, and inside the navigation on phones), so every entry
    left out is elements a phone does not style at start-up. Headings keep their anchors.
    """
    if not isinstance(depth, int) or isinstance(depth, bool) or not 1 <= depth <= 6:
        where = f"page {page.file.src_uri}: front matter toc_depth"
        raise PluginError(f"{where}: expected a heading level 1-6, got {depth!r}")

    def keep(entries: list) -> list:
        kept = [entry for entry in entries if entry.level <= depth]
        for entry in kept:
            entry.children = keep(entry.children)
        return kept

    page.toc.items = keep(list(page.toc))


def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    data_source = page.meta.get("data_source")
    if data_source:
        page.edit_url = site.current(config).edit_url(data_source, config.repo_url, config.edit_uri)
    return context


# After the search plugin has written its index (priority 0), before the offline plugin copies it (-100).
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    try:
        site.current(config).write_outputs(Path(config.site_dir))
    except GuideDataError as exc:  # a fragment for guide.json or a deck that the sanitiser would change
        raise PluginError(str(exc)) from None
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():  # spelling variants and synonyms find the same sections (study_guide/search_terms.py)
        search_terms.add_variants(index)
        # On a role's pages the search lists that role's results first (docs/assets/search-roles.js).
        search_roles.write(site.current(config).guide, Path(config.site_dir))
