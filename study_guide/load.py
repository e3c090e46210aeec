"""Turn data/ into one validated `Guide`, or a `GuideDataError` naming every problem.

Layout (one entity type per place):
    data/company.yaml        Company
    data/sources.yaml        {sources: [Source]}
    data/frameworks.yaml     {frameworks: [Framework]}
    data/glossary.yaml       {terms: [GlossaryTerm]}
    data/roles/<id>.yaml     Role, file name == id
    data/topics/<id>.yaml    Topic, file name == id
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import crossref, rendered_text
from .errors import GuideDataError, Loc, Problem
from .markdown_html import SiteMarkdown
from .model import ID_PATTERN, Company, Framework, GlossaryTerm, Guide, Role, Source, Topic
from .yaml_source import YamlFile, read_yaml


class _Listing(BaseModel):
    model_config = {"extra": "forbid"}


class SourcesFile(_Listing):
    sources: list[Source]


class FrameworksFile(_Listing):
    frameworks: list[Framework]


class GlossaryFile(_Listing):
    terms: list[GlossaryTerm]


# file (relative to data/) or folder glob -> model of one file
SINGLE_FILES: dict[str, type[BaseModel]] = {
    "company.yaml": Company,
    "sources.yaml": SourcesFile,
    "frameworks.yaml": FrameworksFile,
    "glossary.yaml": GlossaryFile,
}
FOLDERS: dict[str, type[BaseModel]] = {"roles": Role, "topics": Topic}


def load_guide(data_dir: Path, markdown: Callable[[], SiteMarkdown] | None = None) -> Guide:
    """The validated guide. With `markdown` (gives the site's Markdown configuration, asked only when
    every other check passed), every text field is also rendered and judged by the sanitiser
    (rendered_text.py), as `study-guide validate` does."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    files: dict[Path, YamlFile] = {}

    def validate(path: Path, model: type[BaseModel]) -> Any:
        shown = _display_path(path, data_dir)
        if path.is_symlink() and not _resolves_inside(path, data_dir):
            # A symbolic link in a pull request could publish a file from anywhere on the machine.
            problems.append(Problem(shown, None, (), "is a symbolic link leading outside data/; copy the file in"))
            return None
        try:
            source = read_yaml(path, shown)
        except GuideDataError as exc:
            problems.extend(exc.problems)
            return None
        except (OSError, RecursionError) as exc:  # read_yaml words the known cases; never a traceback
            problems.append(Problem(shown, None, (), f"cannot be loaded: {exc}"))
            return None
        files[shown] = source
        if not isinstance(source.data, dict):
            problems.append(Problem(shown, 1, (), f"expected a mapping of keys for a {model.__name__}"))
            return None
        try:
            return model.model_validate(source.data)
        except ValidationError as exc:
            problems.extend(_problems_from(exc, source, model))
            return None

    if not data_dir.is_dir():
        raise GuideDataError([Problem(data_dir, None, (), "data folder is missing")])
    problems.extend(_unexpected_entries(data_dir, data_dir, expected=set(SINGLE_FILES) | set(FOLDERS) | {"README.md"}))
    for name, model in SINGLE_FILES.items():
        path = data_dir / name
        if not path.exists() and not path.is_symlink():
            problems.append(Problem(_display_path(path, data_dir), None, (), "file is missing"))
            continue
        parsed[name] = validate(path, model)

    owners: dict[tuple[str, str], Path] = {}
    for folder, model in FOLDERS.items():
        items = []
        yaml_files, folder_problems = _folder_files(data_dir / folder, data_dir)
        problems.extend(folder_problems)
        for path in yaml_files:
            item = validate(path, model)
            if item is None:
                continue
            shown = _display_path(path, data_dir)
            if item.id != path.stem:
                line = files[shown].line_of(("id",))
                problems.append(Problem(shown, line, ("id",), f"id '{item.id}' must match the file name '{path.stem}'"))
            owners[(folder, item.id)] = shown
            items.append(item)
        parsed[folder] = items

    if problems:
        raise GuideDataError(problems)

    guide = Guide(
        company=parsed["company.yaml"],
        sources=parsed["sources.yaml"].sources,
        frameworks=parsed["frameworks.yaml"].frameworks,
        glossary=parsed["glossary.yaml"].terms,
        roles=sorted(parsed["roles"], key=lambda role: (role.order, role.title)),
        topics=parsed["topics"],
    )
    locator = _Locator(data_dir, files, owners)
    located = crossref.check(guide, locator, project_root=data_dir.parent)
    if not located and markdown is not None:
        findings = rendered_text.findings(guide, markdown(), data_dir.parent)
        located = [locator.problem(where, loc, message) for where, loc, message in findings]
    if located:
        raise GuideDataError(located)
    return guide


def _resolves_inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop: read_yaml reports it
        return True


def _folder_files(folder: Path, data_dir: Path) -> tuple[list[Path], list[Problem]]:
    """The <id>.yaml files of a data folder, and a problem for anything else in it."""
    shown = _display_path(folder, data_dir)
    if not folder.is_dir():
        return [], [Problem(shown, None, (), "folder is missing")]
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        return [], [Problem(shown, None, (), f"folder cannot be read: {exc.strerror or exc}")]
    files = [path for path in entries if path.name.endswith(".yaml") and not path.name.startswith(".")]
    problems = _unexpected_entries(folder, data_dir, expected={path.name for path in files})
    return files, problems


def _unexpected_entries(folder: Path, data_dir: Path, expected: set[str]) -> list[Problem]:
    """Anything in `folder` the loader would not read, so nothing is skipped without a word.

    Hidden files (.DS_Store, an editor's .swp) are left alone: they are never published.
    """
    try:
        names = sorted(entry.name for entry in folder.iterdir())
    except OSError as exc:
        return [Problem(_display_path(folder, data_dir), None, (), f"folder cannot be read: {exc.strerror or exc}")]
    problems = []
    for name in names:
        if name in expected or name.startswith("."):
            continue
        shown = _display_path(folder / name, data_dir)
        if name.endswith(".yml"):
            why = f"'.yml' files are not read; rename it to {name[:-4]}.yaml"
        elif name.lower().endswith(".yaml"):
            why = f"the extension must be lowercase: rename it to {name[: -len('.yaml')]}.yaml"
        elif folder == data_dir:
            why = "unexpected file or folder in data/: the loader does not read it; move it out of data/"
        else:
            why = f"unexpected file: {folder.name}/ holds only <id>.yaml files; rename it or move it out of data/"
        problems.append(Problem(shown, None, (), why))
    return problems


class _Locator:
    """Maps an item of the guide back to its file and line, for cross-reference problems."""

    def __init__(self, data_dir: Path, files: dict[Path, YamlFile], owners: dict[tuple[str, str], Path]):
        self._data_dir = data_dir
        self._files = files
        self._owners = owners

    def problem(self, where: tuple[str, str | None], loc: Loc, message: str) -> Problem:
        """where: ("roles", role_id) / ("topics", topic_id) / ("sources.yaml", None) ..."""
        folder, item_id = where
        if item_id is None:
            shown = _display_path(self._data_dir / folder, self._data_dir)
            file_loc = (_LISTING_KEYS[folder], *loc) if folder in _LISTING_KEYS else loc
        else:
            shown = self._owners[(folder, item_id)]
            file_loc = loc
        source = self._files.get(shown)
        line = source.line_of(file_loc) if source else None
        return Problem(shown, line, file_loc, message)


_LISTING_KEYS = {"sources.yaml": "sources", "frameworks.yaml": "frameworks", "glossary.yaml": "terms"}


def _display_path(path: Path, data_dir: Path) -> Path:
    # Show paths as a maintainer types them: data/roles/x.yaml, not an absolute path.
    try:
        return Path(data_dir.name) / path.relative_to(data_dir)
    except ValueError:
        return path


def _problems_from(exc: ValidationError, source: YamlFile, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = _data_loc(error["loc"], source.data, error["type"])
        problems.append(Problem(source.path, source.line_of(loc), loc, _explain(error, loc, model)))
    return problems


def _data_loc(raw: tuple, data: Any, kind: str) -> Loc:
    """Keep the parts of a pydantic location that exist in the data.

    Inside unions pydantic adds member tags such as 'function-after[...]' to the location;
    they name no key in the file. A missing field's own name is kept as the last part.
    """
    loc: list[str | int] = []
    node = data
    for index, part in enumerate(raw):
        in_mapping = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_mapping or in_list:
            node = node[part]
        elif kind == "missing" and index == len(raw) - 1:
            pass
        else:
            continue
        loc.append(part)
    return tuple(loc)


def _explain(error: dict[str, Any], loc: Loc, model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden" and loc:
        parent = _model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        did_you_mean = f" (did you mean '{hint[0]}'?)" if hint else ""
        return f"unknown key {str(loc[-1])!r}{did_you_mean}; allowed keys: {', '.join(allowed)}"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"got {_shown(error['input'])}; expected one of {expected}"
    if kind == "string_pattern_mismatch":
        if error.get("ctx", {}).get("pattern") == ID_PATTERN:
            return f"got {_shown(error['input'])}; expected a kebab-case id (lowercase letters, digits, single hyphens)"
        return f"got {_shown(error['input'])}; {error['msg'][0].lower()}{error['msg'][1:]}"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    got = error.get("input")
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return f"{message[0].lower()}{message[1:]} (got {type(got).__name__} {_shown(got)})"
    return message[0].lower() + message[1:]


def _shown(value: Any) -> str:
    """A value as a message quotes it: its repr, cut short (a hostile value may be a megabyte)."""
    text = (
        repr(value)
        if not isinstance(value, int) or abs(value) < 10**60
        else f"an integer of {len(str(abs(value)))} digits"
    )
    return text if len(text) <= 80 else f"{text[:77]}..."


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The pydantic model class that describes the mapping at `loc`, if any."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """Optional[X] -> X (list[X] is kept for the index step)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(options[0]) if len(options) == 1 else annotation
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation
