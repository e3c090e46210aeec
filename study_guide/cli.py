"""`study-guide validate` and `study-guide schema`: the maintainer's two commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import GuideDataError
from .load import load_guide
from .markdown_html import SiteMarkdown
from .schemas import write_schemas

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="study-guide", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check data/ and report every problem")
    validate.add_argument("--data", type=Path, default=ROOT / "data")
    schema = commands.add_parser("schema", help="rewrite the JSON Schemas in schemas/")
    schema.add_argument("--out", type=Path, default=ROOT / "schemas")
    args = parser.parse_args(argv)

    if args.command == "schema":
        for path in write_schemas(args.out):
            print(f"wrote {path}")
        return 0

    try:
        # The site's own Markdown configuration, so text is judged as the pages will render it.
        guide = load_guide(args.data, lambda: SiteMarkdown.from_mkdocs_yml(ROOT / "mkdocs.yml"))
    except GuideDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    rounds = sum(len(role.rounds) for role in guide.roles)
    questions = sum(len(topic.questions) for topic in guide.topics)
    print(
        f"OK: {len(guide.roles)} roles, {rounds} rounds, {len(guide.topics)} topics, "
        f"{questions} questions, {len(guide.frameworks)} frameworks, {len(guide.sources)} sources"
    )
    return 0
