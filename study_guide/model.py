"""The validated data model: one class per entity a candidate meets in the guide.

Every model forbids unknown keys, so a typo such as `titel` is an error rather than
a silently ignored field. Cross-file checks (ids unique, references resolve) live
in `crossref.py`; this module only says what one well-formed item looks like.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from . import links

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="Stable kebab-case id: lowercase letters, digits and single hyphens."),
]


def _gate(check):
    """An after-validator that raises the link gate's problems (see links.py) as one message."""

    def validate(text: str) -> str:
        problems = check(text)
        if problems:
            raise ValueError("; ".join(problems))
        return text

    validate.__qualname__ = f"_gate({check.__name__})"  # names the rule (tests/test_rules.py lists rules by name)
    return AfterValidator(validate)


def _not_empty(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text


# Length caps far above the longest real value (~4,100 characters of Markdown), so a hostile
# value cannot make the link gate or the page slow.
Text = Annotated[
    str,
    StringConstraints(max_length=20_000),
    AfterValidator(_not_empty),
    _gate(links.markdown_problems),
    Field(
        description="Markdown text. Raw HTML is shown as text, never executed; links only to http(s), mailto "
        "or pages of this site."
    ),
]
PlainText = Annotated[
    str,
    StringConstraints(max_length=1_000),
    _gate(links.plain_text_problems),
    Field(description="Plain text (a name, title or label): no Markdown link syntax."),
]
Url = Annotated[
    str,
    _gate(links.url_problems),
    Field(description="A full http:// or https:// URL.", json_schema_extra={"format": "uri"}),
]
EXAMPLE_FILE_PATTERN = r"^examples/(?:[A-Za-z0-9_][A-Za-z0-9_.\-]*/)*[A-Za-z0-9_][A-Za-z0-9_.\-]*\.(?:py|sql)$"


def _example_path(path: str) -> str:
    # No absolute path, no `..`, no hidden part; crossref.py then checks the file itself.
    if not re.fullmatch(EXAMPLE_FILE_PATTERN, path):
        raise ValueError(f"got {path!r}; expected a path like examples/<name>.py or examples/<name>.sql, without '..'")
    return path


ExampleFile = Annotated[
    str,
    AfterValidator(_example_path),
    Field(
        description="Path from the project root of a file in examples/ (.py or .sql), e.g. examples/lru_cache.py.",
        json_schema_extra={"pattern": EXAMPLE_FILE_PATTERN},
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SourceKind(StrEnum):
    interview_guide = "interview-guide"
    article = "article"
    topic_taxonomy = "topic-taxonomy"


class Source(Strict):
    id: Id
    title: PlainText
    kind: SourceKind
    file: PlainText = Field(description="File name of the source document in shared/sources/.")
    publisher: PlainText = Field(
        description="Who published the document, as far as the document shows (its owner, not its subject)."
    )
    publisher_is_spotify: StrictBool = Field(
        default=False,
        description="True only for a document Spotify itself published (its engineering blog, newsroom, reports). "
        "Text that attributes a statement to Spotify must cite such a source or say whose account it is.",
    )
    date: PlainText | None = Field(default=None, description="Publication date or year the document gives, if any.")
    date_note: PlainText | None = Field(default=None, description="How the date was established, or why there is none.")
    covers: Text = Field(description="What the document contributes to this guide.")
    reliability: Text | None = Field(default=None, description="Caveats a candidate should weigh when reading it.")


class Cited(Strict):
    """Any item that can name the sources it rests on."""

    sources: list[Id] = Field(default_factory=list, description="Ids from data/sources.yaml.")


class FrameworkStep(Strict):
    name: PlainText
    detail: Text


class Framework(Cited):
    id: Id
    name: PlainText
    summary: Text
    steps: list[FrameworkStep] = Field(min_length=2)
    when_to_use: Text
    example: Text
    inferred: StrictBool = Field(
        default=False,
        description="True when the steps were written for this guide rather than given by a source.",
    )
    note: Text | None = None


class QuestionKind(StrEnum):
    behavioral = "behavioral"
    technical = "technical"
    coding = "coding"
    system_design = "system-design"
    product_case = "product-case"
    culture_motivation = "culture-motivation"


class Level(StrEnum):
    any = "any"
    mid = "mid"
    senior = "senior"
    staff = "staff"


class Origin(StrEnum):
    reported = "reported"
    practice = "practice"


ESTIMATE_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
EstimateName = Annotated[
    str,
    StringConstraints(pattern=ESTIMATE_NAME_PATTERN, max_length=40),
    Field(description="A name formulas use: lowercase letters, digits and underscores, e.g. peak_requests."),
]
UnitText = Annotated[
    str,
    StringConstraints(max_length=40),
    Field(description="A unit from study_guide/units.txt, e.g. '1/s', 'TB/day', 'USD/month', 'ms'; empty for a count."),
]


class EstimateInput(Cited):
    """A figure an estimate starts from: taken from a source, or the candidate's own assumption."""

    name: EstimateName
    label: PlainText = Field(description="What the figure is, as the table shows it.")
    value: StrictInt | StrictFloat
    unit: UnitText = ""
    assumption: StrictBool = Field(default=False, description="True when no source gives the figure.")
    why: PlainText | None = Field(default=None, description="For an assumption: why this figure is reasonable.")

    @model_validator(mode="after")
    def _sourced_or_assumed(self) -> EstimateInput:
        """An estimate's input cites a source or is marked as an assumption with a reason, not both or neither."""
        if self.assumption == bool(self.sources):
            raise ValueError("an input either cites sources or is marked 'assumption: true' with a 'why', not both")
        if self.assumption and not self.why:
            raise ValueError("an assumed input needs 'why': a short reason the figure is reasonable")
        return self


class EstimateDerived(Strict):
    """A quantity worked out from the inputs and the quantities above it."""

    name: EstimateName
    label: PlainText = Field(description="What the quantity is, as the table shows it.")
    formula: Annotated[str, StringConstraints(max_length=300)] = Field(
        description="Names, numbers, + - * / ** and parentheses, e.g. 'daily_requests / 86400 * peak_factor'."
    )
    unit: UnitText = ""
    figures: StrictInt = Field(default=2, ge=1, le=4, description="Significant figures shown.")
    in_answer: StrictBool = Field(
        default=True,
        description="The model answer states this figure (checked); false for a step only the table shows.",
    )


class StatisticKind(StrEnum):
    sample_size_proportions = "sample-size-proportions"
    sample_size_means = "sample-size-means"
    sample_size_margin = "sample-size-margin"
    interval_proportions = "interval-proportions"
    interval_means = "interval-means"


# What each kind of statistic needs, besides alpha and power (tests/test_statistics.py recomputes it).
STATISTIC_INPUTS = {
    StatisticKind.sample_size_proportions: ("baseline", "treatment"),
    StatisticKind.sample_size_means: ("sd", "difference"),
    StatisticKind.sample_size_margin: ("sd", "difference"),
    StatisticKind.interval_proportions: ("baseline", "n"),
    StatisticKind.interval_means: ("sd", "n"),
}


class Statistic(Strict):
    """A sample size or interval a model answer states, with the inputs it rests on; the test suite recomputes it."""

    kind: StatisticKind = Field(
        description="sample-size-proportions: per arm, two rates (baseline, treatment); sample-size-means: per arm, "
        "a difference of means (sd, difference); sample-size-margin: one group, a mean to within ±difference (sd); "
        "interval-proportions: the ± of the interval on a difference of two rates near baseline, n per arm, in "
        "percentage points; interval-means: the ± of the interval on a difference of means, n per arm, in sd's unit."
    )
    stated: StrictInt | StrictFloat = Field(description="The figure as the model answer states it.")
    label: PlainText = Field(description="What the figure is, e.g. 'Listeners per arm'.")
    baseline: StrictFloat | None = Field(default=None, ge=0, le=1, description="Control rate, as a fraction.")
    treatment: StrictFloat | None = Field(default=None, ge=0, le=1, description="Rate to detect, as a fraction.")
    sd: StrictInt | StrictFloat | None = Field(default=None, gt=0, description="Standard deviation of the metric.")
    difference: StrictInt | StrictFloat | None = Field(
        default=None, gt=0, description="Difference of means to detect, or the margin wanted."
    )
    n: StrictInt | None = Field(default=None, gt=1, description="Units per arm the interval rests on.")
    alpha: StrictFloat = Field(default=0.05, gt=0, lt=1, description="Two-sided significance level.")
    power: StrictFloat = Field(default=0.8, gt=0, lt=1)

    @model_validator(mode="after")
    def _inputs_for_kind(self) -> Statistic:
        """A statistic gives exactly the inputs its kind needs."""
        needed = STATISTIC_INPUTS[self.kind]
        given = [name for name in ("baseline", "treatment", "sd", "difference", "n") if getattr(self, name) is not None]
        if sorted(given) != sorted(needed):
            raise ValueError(f"a {self.kind.value} statistic needs {' and '.join(needed)} (and no other inputs)")
        if self.kind is StatisticKind.sample_size_proportions and self.baseline == self.treatment:
            raise ValueError("baseline and treatment must differ")
        return self


class Estimate(Strict):
    """Back-of-the-envelope arithmetic as data: computed with units by the build, shown as a table;
    and the sample sizes the answer states, with their inputs, recomputed by the test suite."""

    inputs: list[EstimateInput] = Field(default_factory=list)
    derived: list[EstimateDerived] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)

    @model_validator(mode="after")
    def _something_to_show(self) -> Estimate:
        """An estimate has derived quantities or statistics, and derived quantities have inputs."""
        if not self.derived and not self.statistics:
            raise ValueError("an estimate needs derived quantities or statistics")
        if self.derived and not self.inputs:
            raise ValueError("derived quantities need inputs to work from")
        return self


class Guidance(Strict):
    covers: list[Text] = Field(min_length=2, description="Points a strong answer covers.")
    structure: Text = Field(description="How to structure the answer, step by step.")
    framework: Id | None = Field(default=None, description="Id of a framework that fits.")
    pitfalls: list[Text] = Field(min_length=1)
    follow_ups: list[Text] = Field(min_length=1)
    staff_signal: Text | None = Field(default=None, description="What separates a Staff answer from a Senior one.")
    example: Text | None = Field(default=None, description="A model answer as a strong candidate would give it.")
    estimate: Estimate | None = Field(
        default=None, description="The answer's figures as named inputs and formulas, computed by the build."
    )
    code_file: ExampleFile | None = Field(
        default=None,
        description="Path (from the project root, under examples/) of a tested solution shown with the guidance.",
    )


class Question(Cited):
    id: Id
    prompt: Text
    kind: QuestionKind
    level: Level = Level.any
    origin: Origin = Field(description="reported: a source quotes or reports it; practice: written for this guide.")
    guidance: Guidance

    # Field validators, not one model validator: each rule reports on its own field, and a
    # question breaking both gets both messages (a model validator stops at its first error).
    # `sources` and `level` come before the fields checked here, so info.data holds them once valid.
    @field_validator("origin")
    @classmethod
    def _reported_needs_sources(cls, origin: Origin, info: ValidationInfo) -> Origin:
        """A reported question lists the sources that report it."""
        if origin is Origin.reported and info.data.get("sources") == []:
            raise ValueError("a reported question must list the sources that report it")
        return origin

    @field_validator("guidance")
    @classmethod
    def _staff_needs_signal(cls, guidance: Guidance, info: ValidationInfo) -> Guidance:
        """A staff-level question says what separates a Staff answer from a Senior one."""
        if info.data.get("level") is Level.staff and guidance.staff_signal is None:
            raise ValueError(
                "a staff-level question needs staff_signal: what separates a Staff answer from a Senior one"
            )
        return guidance


class Topic(Cited):
    id: Id
    name: PlainText
    description: Text
    questions: list[Question] = Field(min_length=1)


class Duration(Strict):
    min: StrictInt = Field(gt=0, le=600, description="Minutes.")
    max: StrictInt | None = Field(default=None, gt=0, le=600, description="Minutes, for a range.")

    @model_validator(mode="after")
    def _ordered(self) -> Duration:
        """A duration range does not end before it starts."""
        if self.max is not None and self.max < self.min:
            raise ValueError("max must not be smaller than min")
        return self

    @property
    def label(self) -> str:
        if self.max is None or self.max == self.min:
            return f"{self.min} min"
        return f"{self.min}–{self.max} min"


class RoundFormat(StrEnum):
    phone = "phone"
    video = "video"
    onsite = "onsite"
    virtual_onsite = "virtual-onsite"
    take_home = "take-home"
    pair_programming = "pair-programming"
    case = "case"
    panel = "panel"


class Round(Cited):
    id: Id
    name: PlainText
    format: list[RoundFormat] = Field(min_length=1)
    duration: Duration | None = Field(
        default=None, description="Length in minutes; leave out when no source gives one."
    )
    duration_note: Text | None = None
    interviewers: Text
    what_to_expect: Text
    tips: list[Text] = Field(min_length=1)
    focus_topics: list[Id] = Field(min_length=1)
    frameworks: list[Id] = Field(default_factory=list)
    inferred: StrictBool = Field(
        default=False, description="True when no source gives this round; it is reasoned from others."
    )
    inferred_note: Text | None = None

    @model_validator(mode="after")
    def _inference_explained(self) -> Round:
        """An inferred round says what it is based on."""
        if self.inferred and not self.inferred_note:
            raise ValueError("an inferred round needs inferred_note saying what it is based on")
        return self


class Discrepancy(Cited):
    """Two sources (or two places in one source) that disagree."""

    topic: PlainText
    says: list[Text] = Field(min_length=2, description="Each claim, with where it comes from.")
    advice: Text


class Mistake(Cited):
    weak: Text
    strong: Text
    why: Text


class FaqItem(Cited):
    question: Text
    answer: Text


class Figure(Cited):
    """A number a candidate may quote or be asked about."""

    label: PlainText
    value: PlainText
    context: Text


class Compensation(Cited):
    as_of: PlainText = Field(description="When the figures were published.")
    reported_by: PlainText = Field(description="Who collected the figures, as the source states.")
    figures: list[Figure] = Field(min_length=1)
    note: Text


class WorkedExample(Cited):
    id: Id
    title: PlainText
    prompt: Text
    answer: Text
    code_file: ExampleFile | None = Field(
        default=None, description="Path (from the project root) of runnable code shown with the answer."
    )


class Signal(Cited):
    name: PlainText
    description: Text
    rounds: list[Id] = Field(
        default_factory=list,
        description="Ids of this role's rounds where the panel weighs it (the mock round's debrief shows it "
        "there); empty: every round.",
    )
    rounds_inferred: StrictBool = Field(
        default=False,
        description="True when the sources do not tie the signal to these rounds and this guide reasons it.",
    )


class StoryTheme(Cited):
    """A kind of story the behavioural rounds ask for; the story bank tags stories with it."""

    id: Id
    name: PlainText
    detail: Text = Field(description="What a story for this theme shows.")
    inferred: StrictBool = Field(
        default=False, description="True when no source names this theme; it is reasoned from the role's topics."
    )
    note: Text | None = Field(default=None, description="For an inferred theme: what it is based on.")

    @model_validator(mode="after")
    def _inference_explained(self) -> StoryTheme:
        """An inferred story theme says what it is based on."""
        if self.inferred and not self.note:
            raise ValueError("an inferred story theme needs note saying what it is based on")
        return self


class Process(Cited):
    length: Text = Field(description="How long the whole loop takes, as the sources put it.")
    summary: Text


class Role(Cited):
    id: Id
    title: PlainText
    short_title: PlainText = Field(max_length=40)
    order: StrictInt = Field(default=100, description="Position in role lists; ties sort by title.")
    summary: Text
    audience: Text = Field(description="Who this guide is for.")
    process: Process
    rounds: list[Round] = Field(min_length=1)
    rounds_inferred: StrictBool = Field(
        default=False, description="True when the round structure as a whole is inferred."
    )
    prompt_names: list[PlainText] = Field(
        default_factory=list,
        description="Phrases a prompt uses to address a candidate for this role (e.g. 'backend or data engineering "
        "role'): a question whose prompt says one is asked only in this role's rounds.",
    )
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    signals: list[Signal] = Field(default_factory=list, description="What the panel weighs.")
    story_themes: list[StoryTheme] = Field(
        default_factory=list, description="Themes to have a story ready for (the story bank tags stories with them)."
    )
    key_figures: list[Figure] = Field(default_factory=list)
    compensation: Compensation | None = None
    checklist: list[Text] = Field(default_factory=list)
    mistakes: list[Mistake] = Field(default_factory=list)
    worked_examples: list[WorkedExample] = Field(default_factory=list)
    faq: list[FaqItem] = Field(default_factory=list)


class Product(Cited):
    name: PlainText
    description: Text


class Tool(Cited):
    name: PlainText
    use: Text


class Band(Cited):
    name: PlainText
    note: Text | None = None


class Section(Cited):
    """A titled block of company facts."""

    title: PlainText
    body: Text
    points: list[Text] = Field(default_factory=list)


class Company(Cited):
    name: PlainText
    summary: Text
    hiring_process: Section
    bands: list[Band] = Field(min_length=1)
    band_notes: Section
    culture: list[Section] = Field(min_length=1)
    work_model: Section
    locations: list[PlainText] = Field(min_length=1)
    tech_stack: list[Tool] = Field(min_length=1)
    products: list[Product] = Field(min_length=1)
    engineering_blog: Url
    preparation: list[Text] = Field(min_length=1)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    faq: list[FaqItem] = Field(default_factory=list)


class GlossaryTerm(Cited):
    term: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9/&.\-]+$", max_length=20)]
    expansion: PlainText
    definition: Text


class Guide(Strict):
    """Everything under data/, validated and cross-checked."""

    company: Company
    roles: list[Role]
    topics: list[Topic]
    frameworks: list[Framework]
    sources: list[Source]
    glossary: list[GlossaryTerm]
