"""How a question is presented, defined once for every output.

`SECTIONS` is the ordered list of guidance sections. The page partial
(templates/partials/question.md.j2), the Anki back (templates/anki/guidance.html.j2), the CSV
and JSON rows and each question's entry in guide.json all loop over it, so a guidance field
added to the model is one more `Section` here and appears everywhere.

Each section's body is Markdown built from escaped data text (`escape_markdown_text`, as the
page templates escape it). Pages embed that Markdown and MkDocs renders it; the other outputs
get it rendered once here by `SiteMarkdown`, the same Python-Markdown configuration, and
sanitised (sanitise.py) before guide.json, a deck or a row carries it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import estimates, paths, sanitise
from .errors import GuideDataError, Problem
from .markdown_html import SiteMarkdown, list_items, plain_text, unwrap_paragraph
from .markdown_text import escape_markdown_text
from .mock import MockPlan, round_length
from .model import Duration, Framework, Guidance, Guide, Question, Round

SectionKind = Literal["list", "paragraph", "code", "framework", "table"]


@dataclass(frozen=True)
class Section:
    """One part of a question's guidance: the `Guidance` field it shows, its label and its layout."""

    field: str
    label: str
    kind: SectionKind
    # Long sections stay out of the search index: a question is found by its prompt and guidance,
    # and hundreds of model answers would bury the pages a search should find (and weigh on every
    # page, which downloads the index).
    indexed: bool = True

    def value(self, guidance: Guidance):
        return getattr(guidance, self.field)


SECTIONS: tuple[Section, ...] = (
    Section("covers", "What a strong answer covers", "list"),
    Section("structure", "How to structure it", "paragraph"),
    Section("framework", "Framework", "framework"),
    Section("pitfalls", "Pitfalls", "list"),
    Section("follow_ups", "Likely follow-ups", "list"),
    Section("staff_signal", "Staff vs Senior", "paragraph"),
    Section("example", "Model answer", "paragraph", indexed=False),
    Section("estimate", "The numbers, worked out", "table", indexed=False),
    Section("code_file", "Solution", "code", indexed=False),
)

KIND_LABELS = {
    "behavioral": "Behavioral",
    "technical": "Technical",
    "coding": "Coding",
    "system-design": "System design",
    "product-case": "Product case",
    "culture-motivation": "Culture & motivation",
}
# The filters' words for a question's level and origin (the pages' tags say the same).
LEVEL_LABELS = {"any": "Any level", "mid": "Mid", "senior": "Senior", "staff": "Staff"}
ORIGIN_LABELS = {"reported": "Reported by a source", "practice": "Practice question"}
FORMAT_LABELS = {
    "phone": "Phone call",
    "video": "Video call",
    "onsite": "Onsite",
    "virtual-onsite": "Virtual onsite",
    "take-home": "Take-home",
    "pair-programming": "Pair programming",
    "case": "Case",
    "panel": "Panel",
}
# Kinds of question a candidate answers with a story of their own (the story bank links them).
STORY_KINDS = ("behavioral", "culture-motivation")
CODE_LANGUAGES = {".py": "python", ".sql": "sql"}
_BACKTICK_RUN = re.compile("`+")

# link(page, anchor) -> a Markdown link target (a page-relative .md link, or a site-root URL).
Link = Callable[[str, str | None], str]


def duration_label(duration: Duration | None) -> str | None:
    return duration.label if duration else None


def round_minutes(round_: Round, plan: MockPlan) -> int | None:
    """Practice's timer "from the round's length": the mock's answering time shared by its questions.

    None when the data gives the round no length (Practice offers no such timer then).
    """
    return plan.minutes_per_question if round_length(round_) else None


def fenced_code(project_root: Path, relative: str) -> Markup:
    """A file's contents as a fenced code block, with a fence longer than any backtick run inside.

    Longer than any run anywhere, not only than a line of backticks: a line such as "``` " or
    "   ````python" also closes a shorter fence, and the rest of the file would render as Markdown.
    """
    code = (project_root / relative).read_text(encoding="utf-8").rstrip("\n")
    longest = max((len(run) for run in _BACKTICK_RUN.findall(code)), default=0)
    fence = "`" * max(3, longest + 1)
    language = CODE_LANGUAGES.get(Path(relative).suffix, "text")
    return Markup(f"{fence}{language}\n{code}\n{fence}")


def table_cell(text: str) -> str:
    """Text for one cell of a Markdown table: one line, and a `|` that cannot end the cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


@dataclass(frozen=True)
class SectionBody:
    """A section of one question as Markdown (for pages)."""

    section: Section
    markdown: Markup

    @property
    def label(self) -> str:
        return self.section.label


@dataclass(frozen=True)
class RenderedSection:
    """A section of one question rendered for guide.json, the Anki card and the rows."""

    field: str
    label: str
    kind: SectionKind
    html: Markup
    text: str
    items: list[str] | None  # list sections: the text of each item


@dataclass(frozen=True)
class RenderedQuestion:
    prompt_html: Markup
    prompt_text: str
    sections: list[RenderedSection]


class Presenter:
    """Builds each question's sections; renders them to HTML at most once per question."""

    def __init__(self, guide: Guide, project_root: Path, markdown: SiteMarkdown):
        self.guide = guide
        self.project_root = project_root
        self.markdown = markdown
        self._rendered: dict[str, RenderedQuestion] = {}

    @cached_property
    def frameworks(self) -> dict[str, Framework]:
        return {f.id: f for f in self.guide.frameworks}

    def sections(self, question: Question, link: Link) -> list[SectionBody]:
        """The sections that have a value, as Markdown whose links come from `link`."""
        result = []
        for section in SECTIONS:
            value = section.value(question.guidance)
            if value:
                result.append(SectionBody(section, Markup(self._markdown(section, value, link))))
        return result

    def _markdown(self, section: Section, value, link: Link) -> str:
        if section.kind == "list":
            return "\n".join("- " + escape_markdown_text(item).replace("\n", "\n  ") for item in value)
        if section.kind == "paragraph":  # a block of its own, where a fenced ```text block is one
            return escape_markdown_text(value, fences=True)
        if section.kind == "code":
            return f"`{value}`, run by the test suite:\n\n{fenced_code(self.project_root, value)}"
        if section.kind == "table":  # an estimate: computed here, laid out by its template
            rows = estimates.evaluate(value).rows
            sources = {s.id: s for s in self.guide.sources}
            return self._templates.get_template("partials/estimate.md.j2").render(
                statistics=estimates.statistic_lines(value),
                rows=rows,
                sources=sources,
                link=lambda page, anchor: Markup(link(page, anchor)),
                page=paths.SOURCES_PAGE,
            )
        if section.kind == "framework":
            framework = self.frameworks[value]
            steps = " → ".join(escape_markdown_text(step.name) for step in framework.steps)
            return f"[{escape_markdown_text(framework.name)}]({link(paths.FRAMEWORKS_PAGE, framework.id)}): {steps}"
        raise ValueError(f"no layout for section kind {section.kind!r}")

    def block_html(self, text: str) -> Markup:
        """A Markdown text field of the data as sanitised HTML (validate has checked it renders clean)."""
        clean, _ = sanitise.sanitised(self.markdown.html(escape_markdown_text(text)))
        return Markup(clean)

    @cached_property
    def _templates(self) -> Environment:
        """Templates for sections laid out as Markdown blocks (the estimate table); data text is escaped."""
        env = Environment(
            loader=FileSystemLoader(self.project_root / "templates"),
            undefined=StrictUndefined,
            finalize=escape_markdown_text,
            autoescape=False,  # output is Markdown; finalize does the escaping
            trim_blocks=True,
            lstrip_blocks=True,
        )
        env.filters["cell"] = table_cell
        return env

    def rendered(self, question: Question) -> RenderedQuestion:
        """The question as HTML and plain text, with links relative to the site root."""
        if question.id not in self._rendered:
            bodies = self.sections(question, paths.site_url)
            prompt, *htmls = self.markdown.html_parts(
                [escape_markdown_text(question.prompt), *(body.markdown for body in bodies)]
            )
            fields = ["prompt", *(f"guidance.{body.section.field}" for body in bodies)]
            prompt, *htmls = self._sanitised(question, fields, [prompt, *htmls])
            sections = []
            for body, html in zip(bodies, htmls, strict=True):
                section = body.section
                items = list_items(html) if section.kind == "list" else None
                if items is not None:
                    text = "\n".join(items)
                elif section.kind == "code":
                    text = (self.project_root / section.value(question.guidance)).read_text(encoding="utf-8")
                else:
                    text = plain_text(html)
                sections.append(RenderedSection(section.field, section.label, section.kind, Markup(html), text, items))
            prompt_html = unwrap_paragraph(prompt)
            self._rendered[question.id] = RenderedQuestion(
                prompt_html=Markup(prompt_html), prompt_text=plain_text(prompt_html), sections=sections
            )
        return self._rendered[question.id]

    def _sanitised(self, question: Question, fields: list[str], htmls: list[str]) -> list[str]:
        """Each fragment as the sanitiser keeps it; one it would change is a data error (sanitise.py)."""
        kept = []
        problems = []
        for field, html in zip(fields, htmls, strict=True):
            clean, removed = sanitise.sanitised(html)
            kept.append(clean)
            if removed:
                topic, index = self._home[question.id]
                problems.append(
                    Problem(
                        Path("data") / "topics" / f"{topic}.yaml",
                        None,
                        ("questions", index, *field.split(".")),
                        sanitise.refusal(removed),
                    )
                )
        if problems:
            raise GuideDataError(problems)
        return kept

    @cached_property
    def _home(self) -> dict[str, tuple[str, int]]:
        """question id -> (topic id, index in the topic's questions), to name the field at fault."""
        return {q.id: (topic.id, index) for topic in self.guide.topics for index, q in enumerate(topic.questions)}
