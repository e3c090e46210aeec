"""Read one YAML file into plain data, keeping its node tree to find line numbers."""

from __future__ import annotations

import stat
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


def _guarded(construct, kind: str):
    """A scalar constructor whose impossible values (2023-02-30, an int past Python's digit limit)
    are YAML errors at the value's line instead of a traceback."""

    def guarded(loader, node):
        try:
            return construct(loader, node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{node.value[:40]!r} is not a valid {kind} ({exc}); quote it to keep it as text",
                node.start_mark,
            ) from None

    return guarded


def _loader(base: type) -> type:
    loader = type(f"Guarded{base.__name__}", (base,), {})
    for tag, kind in (("timestamp", "date"), ("int", "integer"), ("float", "number")):
        full_tag = f"tag:yaml.org,2002:{tag}"
        loader.add_constructor(full_tag, _guarded(base.yaml_constructors[full_tag], kind))
    return loader


# libyaml parses the guide's data many times faster than PyYAML's pure-Python parser, which
# stays as the fallback and words syntax errors more precisely, so it reports them.
_FAST_LOADER = _loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_SAFE_LOADER = _loader(yaml.SafeLoader)

# Limits far above any real data file (the largest is ~50 kB, ~1,000 nodes, 5 levels deep) and
# far below what would hang a build: parsing stays in seconds and tens of megabytes.
# The largest file is ~50 kB; at these caps the worst file still builds in seconds, and build time
# grows linearly with the number of files (benchmarks/results/hostile-caps.md). A list is capped
# because Python-Markdown's abbreviation pass is quadratic in the items of one list.
MAX_BYTES = 250_000
MAX_NODES = 25_000
MAX_DEPTH = 20
MAX_ITEMS = 200


def read_yaml(path: Path, shown_as: Path) -> YamlFile:
    """Parse `path` once into a node tree and its data; report syntax errors and duplicate keys.

    A first pass over the parser's events (a stream, so no recursion and little memory)
    refuses anchors, aliases and merge keys and enforces the limits; only then is the node
    tree built. Without aliases every node is visited once, so no walk can blow up.
    """
    text = _read_text(path, shown_as)
    try:
        _check_events(yaml.parse(text, Loader=_FAST_LOADER), shown_as)
    except yaml.YAMLError:
        _check_events_reporting_errors(text, shown_as)
    try:
        root, data = _parse(text, _FAST_LOADER)
    except yaml.YAMLError as exc:
        raise GuideDataError([_syntax_problem(exc, text, shown_as)]) from None
    duplicates = list(_duplicate_keys(root, (), shown_as))
    if duplicates:
        raise GuideDataError(duplicates)
    return YamlFile(shown_as, data, root)


def _read_text(path: Path, shown_as: Path) -> str:
    def fail(line: int | None, message: str):
        return GuideDataError([Problem(shown_as, line, (), message)])

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise fail(None, "is a folder, not a YAML file")
        if not stat.S_ISREG(mode):  # a FIFO would block the read forever, a device might never end
            raise fail(None, "is not a regular file (a pipe, socket or device); data/ holds only YAML files")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise fail(None, "is a folder, not a YAML file") from None
    except FileNotFoundError:
        raise fail(None, "cannot be opened: it is a broken symbolic link or was removed") from None
    except OSError as exc:
        raise fail(None, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise fail(None, f"is larger than {MAX_BYTES // 1_000} kB; split it into smaller files")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(raw.count(b"\n", 0, exc.start) + 1, "file is not valid UTF-8 text") from None


def _check_events(events, shown_as: Path) -> None:
    depth = 0
    items: list[int | None] = []  # per open collection: items so far in a list, None in a mapping
    for count, event in enumerate(events, start=1):
        message = None
        in_list = items and items[-1] is not None
        if in_list and isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent)):
            items[-1] += 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            message = "anchors (&name) and aliases (*name) are not allowed in data files; write the value out"
        elif getattr(event, "tag", None) not in (None, "!"):  # "!" is the non-specific tag: plain
            # !!binary hides text from a reviewer, !!set reorders between runs, !custom runs nothing useful.
            message = f"the tag {event.tag} is not allowed in data files; write the value as plain YAML without a tag"
        elif isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]:
            message = "merge keys (<<) are not allowed in data files; write the keys out"
        elif in_list and items[-1] > MAX_ITEMS:
            message = f"a list has more than {MAX_ITEMS} items; split it or shorten it"
        elif isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            items.append(0 if isinstance(event, yaml.SequenceStartEvent) else None)
            if depth > MAX_DEPTH:
                message = f"nested more than {MAX_DEPTH} levels deep"
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            items.pop()
        if count > MAX_NODES:
            message = f"has more than {MAX_NODES:,} YAML nodes; split it into smaller files"
        if message:
            raise GuideDataError([Problem(shown_as, event.start_mark.line + 1, (), message)])


def _check_events_reporting_errors(text: str, shown_as: Path) -> None:
    try:
        _check_events(yaml.parse(text, Loader=_SAFE_LOADER), shown_as)
    except yaml.YAMLError as exc:
        raise GuideDataError([_syntax_problem(exc, text, shown_as)]) from None
    # The pure-Python parser found nothing wrong where libyaml did: report libyaml's view.
    try:
        _check_events(yaml.parse(text, Loader=_FAST_LOADER), shown_as)
    except yaml.YAMLError as exc:
        raise GuideDataError([_syntax_problem(exc, text, shown_as)]) from None


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        return root, loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()


def _syntax_problem(exc: yaml.YAMLError, text: str, shown_as: Path) -> Problem:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or str(exc)
    elif isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        reason = f"character {exc.character!r} is not allowed in YAML"
    else:
        line = None
        reason = " ".join(str(exc).split())
    what = "YAML value error" if isinstance(exc, yaml.constructor.ConstructorError) else "YAML syntax error"
    return Problem(shown_as, line, (), f"{what}: {reason}")


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
