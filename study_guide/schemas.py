"""JSON Schemas generated from the model: editors validate and complete the YAML with them.

They are committed so an editor finds them without a build; a test fails when they are
stale and names the command that rewrites them (`python -m study_guide schema`).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .export import GuideExport
from .load import FOLDERS, SINGLE_FILES
from .study_data import StudyIndex, TopicGuidance
from .study_record import StudyRecord

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    **{f"{name.removesuffix('.yaml')}.schema.json": model for name, model in SINGLE_FILES.items()},
    **{f"{folder.removesuffix('s')}.schema.json": model for folder, model in FOLDERS.items()},
    "guide-json.schema.json": GuideExport,
    "study-record.schema.json": StudyRecord,
    "study-index.schema.json": StudyIndex,
    "study-guidance.schema.json": TopicGuidance,
}


def render_schema(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMA_FILES.items():
        path = out / name
        path.write_text(render_schema(model), encoding="utf-8")
        written.append(path)
    return written
