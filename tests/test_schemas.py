"""The committed JSON Schemas match the model, so editors validate what the build validates."""

from __future__ import annotations

from study_guide.schemas import SCHEMA_FILES, render_schema

from .conftest import ROOT


def test_committed_schemas_are_current():
    stale = [
        name
        for name, model in SCHEMA_FILES.items()
        if not (ROOT / "schemas" / name).is_file()
        or (ROOT / "schemas" / name).read_text(encoding="utf-8") != render_schema(model)
    ]
    assert stale == [], f"stale schemas {stale}: run `python -m study_guide schema` and commit schemas/"


def test_data_files_point_editors_at_their_schema():
    missing = []
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if not first.startswith("# yaml-language-server: $schema=") or "schemas/" not in first:
            missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def test_contributor_examples_are_valid_data():
    import re

    import yaml

    from study_guide.load import FOLDERS

    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    checked = set()
    for block in blocks:
        schema = re.search(r"schemas/(\w+)\.schema\.json", block).group(1)
        model = FOLDERS[f"{schema}s"]
        model.model_validate(yaml.safe_load(block))
        checked.add(schema)
    assert checked == {"role", "topic"}
