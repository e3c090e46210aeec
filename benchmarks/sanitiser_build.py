"""Build time with the sanitiser (issue 20): the real data before and after, and the worst files the caps allow.

    .venv/bin/python benchmarks/sanitiser_build.py                      # before = d4b4fd1, 5 runs
    .venv/bin/python benchmarks/sanitiser_build.py --before REV --runs 3

1. Before/after: the project at REV (git archive) and the work tree, each building the real data/
   with `python -m mkdocs build --strict` in a child process (whose `study_guide` is that copy),
   interleaved, median CPU time (user + system of the child) of --runs runs after one warm-up each.
2. Caps: the fixture data plus k = 0, 1, 2, 4 copies of a topic file as large as the caps allow and
   shaped for the slowest known pass (Python-Markdown's abbreviation pass is quadratic in the
   siblings of one element): 10 questions whose model answers are 20,000 characters of one-word
   list items, each a glossary term. Build time should grow by the same amount per file.

Writes benchmarks/results/hostile-caps.md and .json; scratch projects go to benchmarks/out/sanitiser/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import tarfile
import time
from pathlib import Path

# Run as a script, this folder is on sys.path: the build benchmark's copy and timed runs are shared.
from build_benchmark import PROJECT_PARTS, copy_project, time_builds

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "out" / "sanitiser"
RESULTS = HERE / "results"
PARTS = [*PROJECT_PARTS, "data"]
FIXTURE = ROOT / "tests" / "fixtures" / "valid" / "data"
TEXT_CHARS = 20_000


def from_git(rev: str, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", rev, *PARTS], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def from_tree(target: Path, data: Path = ROOT / "data") -> Path:
    """The work tree's project with `data` (build_benchmark's copy, as tests/conftest.py makes it)."""
    return copy_project(target, data)


def worst_topic(index: int) -> str:
    """A topic at the caps (under 250 kB, lists of at most 200 items), each answer 20,000 characters
    of list items that are all glossary terms (the fixture's glossary has KPI)."""
    answer = "- KPI\\n" * (TEXT_CHARS // 6)
    questions = "".join(
        f'  - id: worst-{index}-{q}\n    prompt: "Question {q}?"\n    kind: behavioral\n    origin: practice\n'
        f'    guidance:\n      covers: [One., Two.]\n      structure: "Say it."\n      pitfalls: [None.]\n'
        f'      follow_ups: ["Why?"]\n      example: "{answer}"\n'
        for q in range(10)
    )
    return f"id: worst-{index}\nname: Worst {index}\ndescription: At the caps.\nquestions:\n{questions}"


def caps_data(copies: int, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(FIXTURE, target)
    role = target / "roles" / "example-role.yaml"
    ids = [f"worst-{i}" for i in range(copies)]
    for topic_id in ids:
        (target / "topics" / f"{topic_id}.yaml").write_text(worst_topic(int(topic_id.split("-")[1])), encoding="utf-8")
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("focus_topics: [team-fit]", f"focus_topics: [{', '.join(['team-fit', *ids])}]"))
    return target


def timed(projects: dict[str, Path], runs: int) -> dict[str, dict[str, float]]:
    """Median CPU and wall seconds of interleaved builds after a warm-up (build_benchmark's runner)."""
    samples = time_builds(projects, runs, warm_up=True)
    return {
        name: {
            "cpu": statistics.median(run["cpu"] for run in s),
            "wall": statistics.median(run["wall"] for run in s),
            "runs": len(s),
        }
        for name, s in samples.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", default="d4b4fd1")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    real = timed(
        {"before": from_git(args.before, WORK / "before"), "after": from_tree(WORK / "after")},
        args.runs,
    )
    caps = {}
    for copies in (0, 1, 2, 4):
        data = caps_data(copies, WORK / f"caps-data-{copies}")
        size = max((p.stat().st_size for p in data.glob("topics/worst-*.yaml")), default=0)
        project = from_tree(WORK / f"caps-{copies}", data)
        caps[copies] = {**timed({"caps": project}, max(1, args.runs // 2))["caps"], "file_bytes": size}
    load = os.getloadavg()
    record = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": f"cd {ROOT} && .venv/bin/python benchmarks/sanitiser_build.py --before {args.before} "
        f"--runs {args.runs}",
        "machine": f"{os.cpu_count()} CPUs, Python {platform.python_version()}, load average {load[0]:.1f}",
        "real": real,
        "caps": caps,
        "seconds": round(time.perf_counter() - started),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "hostile-caps.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "hostile-caps.md").write_text(report(record), encoding="utf-8")
    print(report(record))


def report(r: dict) -> str:
    before, after = r["real"]["before"], r["real"]["after"]
    ratio = after["cpu"] / before["cpu"]
    base = r["caps"]["0"]["cpu"] if "0" in r["caps"] else r["caps"][0]["cpu"]
    rows = []
    for copies, c in r["caps"].items():
        extra = c["cpu"] - base
        per_file = f"{extra / int(copies):.1f}" if int(copies) else "–"
        rows.append(f"| {copies} | {c['file_bytes'] // 1000} kB | {c['cpu']:.1f} | {c['wall']:.1f} | {per_file} |")
    return "\n".join(
        [
            "# Build time with the sanitiser, and at the caps (issue 20)",
            "",
            f"- Date: {r['date']}",
            f"- Command: `{r['command']}`",
            f"- Machine: {r['machine']} (shared with other work: CPU time is the figure to read)",
            f"- Whole benchmark: {r['seconds']} s",
            "",
            "## The real data, before and after",
            "",
            "| Build | CPU (s, median) | Wall (s, median) | Runs |",
            "|-------|----------------:|-----------------:|-----:|",
            f"| before ({r['command'].split('--before ')[1].split()[0]}) | {before['cpu']:.2f} | {before['wall']:.2f} "
            f"| {before['runs']} |",
            f"| after (work tree) | {after['cpu']:.2f} | {after['wall']:.2f} | {after['runs']} |",
            "",
            f"After ÷ before: **{ratio:.3f}** (target ≤ 1.10: **{'met' if ratio <= 1.10 else 'MISSED'}**).",
            "",
            "## Files at the caps",
            "",
            "The fixture data plus k topic files at the caps (10 answers of 20,000 characters of one-word list",
            "items, each a glossary abbreviation: the shape that made Python-Markdown's abbreviation pass",
            "quadratic). Linear means the same extra time per file.",
            "",
            "| Files | Each | CPU (s) | Wall (s) | Extra CPU per file (s) |",
            "|------:|-----:|--------:|---------:|-----------------------:|",
            *rows,
            "",
        ]
    )


if __name__ == "__main__":
    main()
