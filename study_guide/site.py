"""One build of the site: the loaded guide plus everything derived from it for MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import get_relative_url

from . import downloads, paths
from .errors import GuideDataError
from .export import GuideExport, to_json
from .load import load_guide
from .markdown_html import SiteMarkdown
from .markdown_text import escape_markdown_text
from .model import Guide
from .presenter import SECTIONS, Presenter
from .render import Renderer
from .schemas import render_schema
from .study_data import StudyData

EXTRA_KEY = "guide_build"
# Set to 1 by whoever adds the offline zip after the build (the deploy workflow, the test
# suite): only then does the Downloads page link it, so no build has a dead link.
OFFLINE_ZIP_ENV = "STUDY_GUIDE_OFFLINE_ZIP"
ROLES_SECTION = "Roles"


@dataclass
class Build:
    root: Path
    guide: Guide
    presenter: Presenter = field(repr=False)
    renderer: Renderer = field(repr=False)

    @classmethod
    def load(cls, root: Path, markdown: SiteMarkdown) -> Build:
        """`markdown`: the site's Markdown configuration, for what is rendered outside the pages."""
        guide = load_guide(root / "data")
        presenter = Presenter(guide, root, markdown)
        return cls(root=root, guide=guide, presenter=presenter, renderer=Renderer(guide, root, presenter))

    @cached_property
    def study_data(self) -> StudyData:
        """The study tools' index and guidance files (study_guide/study_data.py)."""
        return StudyData(self.guide, self.presenter)

    @property
    def study_index(self) -> str:
        """The study index's path from the site root: pages name it (overrides/main.html)."""
        return self.study_data.index[0]

    def unsafe_text(self) -> str:
        """Which data fields make HTML the sanitiser would change, as a data error message ('' if none alone does)."""
        try:
            load_guide(self.root / "data", lambda: self.presenter.markdown)
        except GuideDataError as exc:
            return str(exc)
        return ""

    def nav_with_roles(self, nav: list) -> list:
        """Append one entry per role to the 'Roles' section of mkdocs.yml's nav."""
        # Theme templates print nav titles as HTML, so data text is escaped here.
        entries = [{str(escape(role.short_title)): paths.role_page(role)} for role in self.guide.roles]
        for item in nav:
            if isinstance(item, dict) and ROLES_SECTION in item:
                item[ROLES_SECTION] = [*item[ROLES_SECTION], *entries]
                return nav
        raise ValueError(f"mkdocs.yml nav needs a '{ROLES_SECTION}' section for the role pages")

    def generated_pages(self) -> list[tuple[str, str]]:
        """(src_uri, markdown) of each page made from data rather than docs/, rendered here in full.

        Role pages and topic pages are listed in the navigation's place for them (roles) or kept
        out of it by `not_in_nav` in mkdocs.yml (topics/<id>/, cheatsheets/<id>/).
        """
        render = self.renderer.render
        pages = []
        for role in self.guide.roles:
            src = paths.role_page(role)
            pages.append((src, render("role.md.j2", src, role=role)))
        for topic in self.guide.topics:
            src = paths.topic_page(topic)
            pages.append((src, render("topic.md.j2", src, topic=topic)))
        for role in self.guide.roles:
            # One printable page per role, linked from the role page and from Downloads.
            src = paths.cheatsheet_page(role)
            frameworks = self.renderer.role_frameworks(role)
            pages.append((src, render("cheatsheet_page.md.j2", src, role=role, role_frameworks=frameworks)))
        for role in self.guide.roles:
            # A printable sheet per round for a friend playing the interviewer (study_guide/interviewer.py).
            for round_ in role.rounds:
                src = paths.interviewer_page(role, round_)
                pages.append((src, render("interviewer_page.md.j2", src, role=role, round=round_)))
        return pages

    def abbreviations(self) -> str:
        lines = [f"*[{term.term}]: {escape_markdown_text(term.expansion)}" for term in self.guide.glossary]
        return "\n\n" + "\n".join(lines) + "\n"

    def edit_url(self, data_source: str, repo_url: str | None, edit_uri: str | None) -> str | None:
        """The "edit this page" link: the data file behind the page, under mkdocs.yml's repo_url + edit_uri."""
        if not repo_url or not edit_uri:
            return None
        if data_source.endswith("/") and edit_uri.startswith("edit/"):
            edit_uri = "tree/" + edit_uri.removeprefix("edit/")  # GitHub opens a folder under tree/
        return f"{repo_url.rstrip('/')}/{edit_uri.strip('/')}/{data_source}"

    def write_outputs(self, site_dir: Path) -> None:
        (site_dir / "guide.json").write_text(to_json(self.guide, self.presenter), encoding="utf-8")
        (site_dir / "guide.schema.json").write_text(render_schema(GuideExport), encoding="utf-8")
        for path, text in self.study_data.files().items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        # Anki decks, questions.csv and questions.json in site/downloads/ (see the Downloads page).
        downloads.write_downloads(self.guide, self.presenter, site_dir, self.root)


def current(config: MkDocsConfig) -> Build:
    return config.extra[EXTRA_KEY]


def define_macros(env) -> None:
    """Register the page macros with mkdocs-macros (called from macros.py)."""
    build: Build = env.conf["extra"][EXTRA_KEY]

    @env.macro
    def guide_page(template: str):
        """Render templates/<template>.md.j2 for the current page."""
        return build.renderer.render(f"{template}.md.j2", env.page.file.src_uri)

    @env.macro
    def downloads_page():
        """The Downloads page (templates/downloads.md.j2).

        The files are written after the build, so MkDocs does not know them and would flag a
        Markdown link to them: the template links with raw <a href> built by `download()`,
        relative to this page's URL, which works with and without directory URLs (offline copy).
        """
        page_url = env.page.url

        def download(path: str) -> Markup:
            return Markup(escape(get_relative_url(path, page_url)))

        offline = any(name.rsplit("/", 1)[-1] == "offline" for name in env.conf["plugins"])
        return build.renderer.render(
            "downloads.md.j2",
            env.page.file.src_uri,
            decks=downloads.decks(build.guide),
            columns=downloads.COLUMNS,
            sections=SECTIONS,
            section_labels={section.field: section.label for section in SECTIONS},
            csv_file=f"{downloads.DOWNLOADS_DIR}/{downloads.CSV_NAME}",
            json_file=f"{downloads.DOWNLOADS_DIR}/{downloads.JSON_NAME}",
            offline_zip=f"{downloads.DOWNLOADS_DIR}/{downloads.OFFLINE_ZIP}",
            download=download,
            offline=offline,
            offline_zip_built=os.environ.get(OFFLINE_ZIP_ENV) == "1",
            site_url=env.conf["site_url"] or "",
        )
