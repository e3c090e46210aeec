"""Read one YAML file into plain data, keeping its node tree to find line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import GuideDataError, Loc, Problem


@dataclass(frozen=True)
class YamlFile:
    path: Path
    data: Any
    root: yaml.Node | None

    def line_of(self, loc: Loc) -> int | None:
        """1-based line of the deepest node that `loc` reaches."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if key.value == part:
                # An empty value has no useful line of its own; the key's line is clearer.
                return value if value.value not in ("", None) else key
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


# libyaml parses the guide's data many times faster than PyYAML's pure-Python parser, which
# stays as the fallback and words syntax errors more precisely, so it reports them.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, shown_as: Path) -> YamlFile:
    """Parse `path` once into a node tree and its data; report syntax errors and duplicate keys."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes().count(b"\n", 0, exc.start) + 1
        raise GuideDataError([Problem(shown_as, line, (), "file is not valid UTF-8 text")]) from None
    try:
        root, data = _parse(text, _FAST_LOADER)
    except yaml.YAMLError:
        root, data = _parse_reporting_errors(text, shown_as)
    duplicates = list(_duplicate_keys(root, (), shown_as))
    if duplicates:
        raise GuideDataError(duplicates)
    return YamlFile(shown_as, data, root)


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def _parse_reporting_errors(text: str, shown_as: Path) -> tuple[yaml.Node | None, Any]:
    try:
        return _parse(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or str(exc)
        raise GuideDataError([Problem(shown_as, line, (), f"YAML syntax error: {reason}")]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        reason = f"character {exc.character!r} is not allowed in YAML"
        raise GuideDataError([Problem(shown_as, line, (), f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
        raise GuideDataError([Problem(shown_as, None, (), f"YAML syntax error: {reason}")]) from None


def _duplicate_keys(node: yaml.Node | None, loc: Loc, file: Path):
    # PyYAML keeps the last of two equal keys without a word; a maintainer would lose data.
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                yield Problem(
                    file,
                    key.start_mark.line + 1,
                    (*loc, key.value),
                    "duplicate key: this key already appears earlier in the same mapping",
                )
            seen.add(key.value)
            yield from _duplicate_keys(value, (*loc, key.value), file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _duplicate_keys(item, (*loc, index), file)
