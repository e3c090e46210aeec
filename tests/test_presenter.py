"""One presenter: every guidance section reaches every output, and each output shows the same thing.

The test question is given a value for every section in `presenter.SECTIONS` (made up here
from the section's kind), so a section added to the presenter is checked without editing this file.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import genanki
import pytest
import yaml

from study_guide.downloads import anki
from study_guide.markdown_html import plain_text
from study_guide.model import Guidance
from study_guide.presenter import SECTIONS, Section

from .conftest import FIXTURE_DATA, copy_project, mkdocs_build
from .test_downloads import read_apkg

QUESTION = "motivation-first"
TOPIC_FILE = "topics/motivation.yaml"
CODE_FILE = "examples/lru_ttl_cache.py"
HOSTILE = "<img src=x onerror=alert(1)>"


def test_every_guidance_field_has_a_section():
    # Adding a field to the model without a section here would leave it out of every output.
    assert [s.field for s in SECTIONS] == list(Guidance.model_fields)


def sample_value(section: Section, framework_id: str):
    """A value for `section` that names the section, so each output can be searched for it."""
    marker = f"marker {section.field}"
    if section.kind == "list":
        return [f"First {marker} with *emphasis* and {HOSTILE}", f"Second {marker}"]
    if section.kind == "paragraph":
        return f"The {marker}: 2*3*4 and **strong** text {HOSTILE}."
    if section.kind == "code":
        return CODE_FILE
    if section.kind == "framework":
        return framework_id
    if section.kind == "table":  # an estimate; the sample's model answer states no figure of it
        return {
            "inputs": [
                {"name": "a", "label": f"Input {marker} {HOSTILE}", "value": 2, "assumption": True, "why": "So."}
            ],
            "derived": [{"name": "b", "label": f"Twice {marker}", "formula": "a * 2", "in_answer": False}],
            "statistics": [
                {"kind": "sample-size-means", "label": f"Per arm {HOSTILE}", "stated": 4, "sd": 1, "difference": 2}
            ],
        }
    raise AssertionError(f"no sample for section kind {section.kind}")


def expected_text(section: Section, value, project: Path, framework_name: str) -> str:
    """A piece of plain text each output must show for the section."""
    if section.kind == "code":
        return next(line.strip() for line in (project / value).read_text(encoding="utf-8").splitlines() if line.strip())
    if section.kind == "framework":
        return framework_name
    return f"marker {section.field}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("presenter") / "project", FIXTURE_DATA)
    frameworks = yaml.safe_load((project / "data" / "frameworks.yaml").read_text(encoding="utf-8"))
    framework = (frameworks["frameworks"] if isinstance(frameworks, dict) else frameworks)[0]
    topic_path = project / "data" / TOPIC_FILE
    topic = yaml.safe_load(topic_path.read_text(encoding="utf-8"))
    question = next(q for q in topic["questions"] if q["id"] == QUESTION)
    values = {s.field: sample_value(s, framework["id"]) for s in SECTIONS}
    question["guidance"] = values
    topic_path.write_text(yaml.safe_dump(topic, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    expected = {s.field: expected_text(s, values[s.field], project, framework["name"]) for s in SECTIONS}
    return project / "site", expected


def question_block(page: str) -> str:
    match = re.search(rf'<details[^>]*id="{QUESTION}".*?</details>', page, re.DOTALL)
    assert match, QUESTION
    return match.group(0)


def outputs(site_dir: Path, tmp_path: Path) -> dict[str, dict[str, str]]:
    """output name -> section field -> the HTML or text that output shows for the section."""
    # A question is shown with its guidance on its topic's page (topics/<topic id>/).
    topic_page = site_dir / Path(TOPIC_FILE).with_suffix("") / "index.html"
    page = question_block(topic_page.read_text(encoding="utf-8"))
    # On the page each section is its bold label and what follows up to the next label.
    labels = "|".join(re.escape(s.label) for s in SECTIONS)
    parts = re.split(rf"<p><strong>({labels})</strong></p>", page)
    by_label = dict(zip(parts[1::2], parts[2::2], strict=True))

    apkg = read_apkg(site_dir / "downloads" / "all-roles.apkg", tmp_path)
    note = next(n for n in apkg["notes"] if n["guid"] == genanki.guid_for(anki.GUID_NAMESPACE, QUESTION))
    back = note["fields"][anki.FIELDS.index("Guidance")]
    parts = re.split(rf"<h3>({labels})</h3>", back)
    card = dict(zip(parts[1::2], parts[2::2], strict=True))

    raw = (site_dir / "downloads" / "questions.csv").read_text(encoding="utf-8-sig")
    csv_row = next(r for r in csv.DictReader(io.StringIO(raw, newline="")) if r["id"] == QUESTION)
    rows = json.loads((site_dir / "downloads" / "questions.json").read_text(encoding="utf-8"))
    json_row = next(r for r in rows if r["id"] == QUESTION)
    guide = json.loads((site_dir / "guide.json").read_text(encoding="utf-8"))
    entry = next(q for q in guide["questions"] if q["id"] == QUESTION)
    exported = {s["label"]: s["html"] for s in entry["sections"]}

    def cell(value) -> str:
        return "\n".join(value) if isinstance(value, list) else value

    return {
        "page": {s.field: by_label.get(s.label, "") for s in SECTIONS},
        "anki": {s.field: card.get(s.label, "") for s in SECTIONS},
        "csv": {s.field: csv_row.get(s.field, "") for s in SECTIONS},
        "questions.json": {s.field: cell(json_row.get(s.field, "")) for s in SECTIONS},
        "guide.json": {s.field: exported.get(s.label, "") for s in SECTIONS},
    }


def test_every_section_reaches_every_output(site, tmp_path):
    site_dir, expected = site
    missing = []
    for output, shown in outputs(site_dir, tmp_path).items():
        for section in SECTIONS:
            text = shown[section.field]
            readable = plain_text(text) if output in {"page", "anki", "guide.json"} else text
            if expected[section.field] not in readable:
                missing.append(f"{output}: {section.field}")
    assert missing == []


def test_outputs_agree_on_markdown_and_keep_data_inert(site, tmp_path):
    site_dir, _ = site
    shown = outputs(site_dir, tmp_path)
    paragraph = next(s for s in SECTIONS if s.kind == "paragraph")
    for output in ("page", "anki", "guide.json"):
        text = shown[output][paragraph.field]
        # One dialect: 2*3*4 reads the same everywhere, as Python-Markdown reads it on the page.
        assert "2<em>3</em>4" in text and "<strong>strong</strong>" in text, output
        assert "<img" not in text and html.escape(HOSTILE, quote=False) in text, output
    for output in ("csv", "questions.json"):
        assert HOSTILE in shown[output][paragraph.field] and "**" not in shown[output][paragraph.field], output
