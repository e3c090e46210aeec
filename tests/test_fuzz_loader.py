"""Property-based: however a role or topic file is mangled, loading ends in GuideDataError, never a traceback."""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from study_guide.errors import GuideDataError
from study_guide.load import load_guide

from .conftest import FIXTURE_DATA

TARGETS = ["roles/example-role.yaml", "topics/motivation.yaml"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=8,
)


def _paths(node, prefix=()):
    """Every location inside a parsed YAML document."""
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _paths(child, (*prefix, index))


def _parent(document, path):
    node = document
    for part in path[:-1]:
        node = node[part]
    return node


@st.composite
def mangled_documents(draw):
    target = draw(st.sampled_from(TARGETS))
    document = yaml.safe_load((FIXTURE_DATA / target).read_text(encoding="utf-8"))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        locations = [p for p in _paths(document) if p]
        path = draw(st.sampled_from(locations))
        parent = _parent(document, path)
        action = draw(st.sampled_from(["replace", "delete", "add-key", "duplicate-item"]))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add-key" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=12))] = draw(values)
        elif action == "duplicate-item" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
        if not isinstance(document, dict):
            break
    return target, yaml.safe_dump(document, allow_unicode=True)


def _load_with(target: str, text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(shutil.copytree(FIXTURE_DATA, Path(tmp) / "data"))
        raw = text if isinstance(text, bytes) else text.encode("utf-8")
        (data / target).write_bytes(raw)
        try:
            load_guide(data)
        except GuideDataError as exc:
            assert exc.problems, "an error must name at least one problem"
            assert all(str(p.file).startswith("data/") for p in exc.problems)
            assert str(exc).count("\n") == len(exc.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_documents())
def test_mangled_structure_gives_a_clean_error(case):
    _load_with(*case)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TARGETS), st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_arbitrary_text_gives_a_clean_error(target, text):
    _load_with(target, text)
