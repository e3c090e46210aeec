"""Build benchmark: the data-driven site against the same pages as plain Markdown, and at 1×/5×/20× data.

    .venv/bin/python benchmarks/build_benchmark.py                 # real data/, N=3, scales 1,5,20
    .venv/bin/python benchmarks/build_benchmark.py --data tests/fixtures/valid/data --runs 1

What it does (everything happens in benchmarks/out/build/, which is git-ignored):

1. Copies the project (mkdocs.yml, macros.py, docs, overrides, templates, study_guide, examples) with a
   snapshot of the data into one project per scale. Scale k repeats every role and topic k times: copy j
   gets ids suffixed `-x<j>` (questions too) and each copied role's rounds point at the copied topics,
   so every reference stays valid and the loader's cross-checks still pass.
2. Builds each project once in-process with MkDocs' build API (in a child process whose `study_guide`
   is the copy), timing the phases (load, render, post-build outputs) in CPU time and capturing the
   Markdown of every page after macros and hooks (a plugin running last in `on_page_markdown`).
   That data is loaded and validated once per build is a test, not a measurement:
   tests/test_build_loads_once.py.
3. Writes a "plain" project from the capture: the same pages as static Markdown with their front
   matter, the same theme, overrides, assets, nav and markdown_extensions, only the search plugin,
   no macros, no hooks. The script checks the two sites' HTML is identical but for the edit link.
4. Times `python -m mkdocs build --strict` of both projects at each scale as subprocesses (what a
   user runs: interpreter start, imports, build, writing site/), interleaved, median of --runs runs,
   one untimed warm-up of each at the base scale. Each run records CPU time (user + sys, from
   getrusage) and wall time; on a shared machine CPU time is the stable figure.
5. Writes benchmarks/results/build.md and build.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "out" / "build"
RESULTS = HERE / "results"
PROJECT_PARTS = ["mkdocs.yml", "macros.py", "docs", "overrides", "templates", "study_guide", "examples"]
RATIO_TARGET = 1.15
GROWTH_TARGET = 22.0  # 20× data must take at most 22× the time
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


# Projects ---------------------------------------------------------------------------------------


def copy_project(target: Path, data: Path) -> Path:
    """A buildable copy of the project (as tests/conftest.py makes it) with `data` as data/."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    shutil.copytree(data, target / "data")
    return target


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)


def scale_data(source: Path, target: Path, factor: int) -> dict[str, int]:
    """data/ with every role and topic `factor` times; copy 1 is the original files unchanged."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    roles = sorted((source / "roles").glob("*.y*ml"))
    topics = sorted((source / "topics").glob("*.y*ml"))
    for copy in range(2, factor + 1):
        suffix = f"-x{copy}"
        for path in topics:
            topic = yaml.safe_load(path.read_text(encoding="utf-8"))
            topic["id"] += suffix
            topic["name"] = f"{topic['name']} ({copy})"
            for question in topic["questions"]:
                question["id"] += suffix
            (target / "topics" / f"{topic['id']}.yaml").write_text(_dump(topic), encoding="utf-8")
        for path in roles:
            role = yaml.safe_load(path.read_text(encoding="utf-8"))
            role["id"] += suffix
            role["title"] = f"{role['title']} ({copy})"
            role["short_title"] = f"{role['short_title'][:34]} ({copy})"
            for round_ in role["rounds"]:
                round_["focus_topics"] = [topic_id + suffix for topic_id in round_["focus_topics"]]
            (target / "roles" / f"{role['id']}.yaml").write_text(_dump(role), encoding="utf-8")
    return data_counts(target)


def data_counts(data: Path) -> dict[str, int]:
    topics = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (data / "topics").glob("*.y*ml")]
    return {
        "roles": len(list((data / "roles").glob("*.y*ml"))),
        "topics": len(topics),
        "questions": sum(len(t["questions"]) for t in topics),
        "data_bytes": sum(p.stat().st_size for p in data.rglob("*") if p.is_file()),
    }


def make_plain_project(project: Path, capture: dict, target: Path) -> Path:
    """The captured pages as plain Markdown, built with the same theme and extensions, no macros/hooks."""
    from mkdocs.utils.yaml import yaml_load

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copytree(project / "overrides", target / "overrides")
    shutil.copytree(project / "docs", target / "docs", ignore=shutil.ignore_patterns("*.md"))
    for src_uri, page in capture["pages"].items():
        meta = {key: value for key, value in page["meta"].items() if key not in {"render_macros", "data_source"}}
        path = target / "docs" / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        front = f"---\n{_dump(meta)}---\n\n" if meta else ""
        path.write_text(front + page["markdown"], encoding="utf-8")
    with open(project / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)  # resolves !ENV like MkDocs does
    config.pop("hooks", None)
    config.pop("watch", None)
    config["plugins"] = [p for p in config["plugins"] if (next(iter(p)) if isinstance(p, dict) else p) == "search"]
    config["nav"] = capture["nav"]
    (target / "mkdocs.yml").write_text(_dump(config), encoding="utf-8")
    return target


# The instrumented in-process build (runs in a child process) -------------------------------------


def instrumented(project: Path, out: Path) -> None:
    """Build `project` once in this process; write phase CPU times and the captured Markdown."""
    os.chdir(project)
    sys.path.insert(0, str(project))
    import mkdocs.plugins
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.process_time()
    import mkdocs_macros.plugin  # noqa: F401 - timed: the macros plugin is only loaded by the data-driven site

    from study_guide import load, render, site

    import_seconds = time.process_time() - start
    assert Path(load.__file__).resolve().is_relative_to(project), "study_guide must come from the copy"
    phases = {"Build.load (load + validate)": 0.0, "Renderer.render (templates)": 0.0, "write_outputs": 0.0}

    def timed(func, phase: str):
        """Wrap `func`: add the time of its outermost calls to `phase`."""
        depth = [0]

        def wrapper(*args, **kwargs):
            start = time.process_time()
            depth[0] += 1
            try:
                return func(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    phases[phase] += time.process_time() - start

        return wrapper

    site.Build.load = classmethod(timed(site.Build.load.__func__, "Build.load (load + validate)"))
    render.Renderer.render = timed(render.Renderer.render, "Renderer.render (templates)")
    site.Build.write_outputs = timed(site.Build.write_outputs, "write_outputs")

    class Capture(mkdocs.plugins.BasePlugin):
        """Records each page's Markdown after every other on_page_markdown handler."""

        def __init__(self):
            self.pages: dict[str, dict] = {}
            self.nav: list = []

        @mkdocs.plugins.event_priority(-100)
        def on_page_markdown(self, markdown, page, config, files):
            self.pages[page.file.src_uri] = {"meta": dict(page.meta), "markdown": markdown}
            return markdown

        def on_post_build(self, config):
            self.nav = config.nav

    capture = Capture()
    config = load_config(config_file=str(project / "mkdocs.yml"), strict=True, site_dir=str(out.parent / "site-inproc"))
    config.plugins["benchmark-capture"] = capture
    config.plugins.on_startup(command="build", dirty=False)
    start, start_cpu = time.perf_counter(), time.process_time()
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    per_build = [
        {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - start_cpu, "phases": phases}
    ]
    out.write_text(
        json.dumps(
            {"import_cpu_seconds": import_seconds, "builds": per_build, "pages": capture.pages, "nav": capture.nav},
            default=str,
        ),
        encoding="utf-8",
    )


def run_instrumented(project: Path) -> dict:
    out = project.parent / f"{project.name}-instrumented.json"
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "_instrumented", str(project), str(out)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"instrumented build of {project} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


# Timing ----------------------------------------------------------------------------------------

KINDS = {
    "data_driven": "Data-driven (shipped)",
    "plain": "Plain Markdown",
}


def timed_build(project: Path) -> dict[str, float]:
    """One `mkdocs build --strict` in a subprocess: wall seconds, CPU seconds (user + sys), load average."""
    site_dir = project.parent / f"site-{project.name}"
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build of {project} failed:\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "load1": load}


def time_builds(projects: dict[str, Path], runs: int, warm_up: bool) -> dict[str, list[dict[str, float]]]:
    """Interleaved runs of each project; an untimed warm-up of each first if `warm_up`."""
    if warm_up:
        for project in projects.values():
            timed_build(project)
    times: dict[str, list[dict[str, float]]] = {kind: [] for kind in projects}
    for _ in range(runs):
        for kind, project in projects.items():
            times[kind].append(timed_build(project))
    return times


def site_stats(project: Path) -> dict[str, int]:
    site_dir = project.parent / f"site-{project.name}"
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    return {
        "html_pages": sum(1 for p in files if p.suffix == ".html"),
        "site_bytes": sum(p.stat().st_size for p in files),
        "search_index_bytes": (site_dir / "search" / "search_index.json").stat().st_size,
    }


_EDIT_LINK = re.compile(r'<a href="[^"]*" title="Edit this page"[^>]*>')


def compare_sites(driven: Path, plain: Path) -> dict[str, Any]:
    """HTML pages of the two sites that are byte-identical once the "edit this page" link is removed.

    That link is the one intended difference: a data-driven page edits its YAML source.
    """
    driven_site = driven.parent / f"site-{driven.name}"
    plain_site = plain.parent / f"site-{plain.name}"
    pages = sorted(p.relative_to(driven_site) for p in driven_site.rglob("*.html"))
    same = 0
    for page in pages:
        other = plain_site / page
        if other.is_file():
            a = _EDIT_LINK.sub("", (driven_site / page).read_text(encoding="utf-8"))
            b = _EDIT_LINK.sub("", other.read_text(encoding="utf-8"))
            same += a == b
    return {
        "html_pages": len(pages),
        "identical_except_edit_link": same,
        "search_index_identical": _search_entries(driven_site) == _search_entries(plain_site),
    }


def _search_entries(site_dir: Path) -> tuple[Any, list[str]]:
    """The search index with its entries in a fixed order (MkDocs orders pages by where it found them)."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index["config"], sorted(json.dumps(doc, sort_keys=True) for doc in index["docs"])


# Report ----------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    from importlib.metadata import version

    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line]
        cpu = models[0] if models else ""
    packages = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "pymdown-extensions", "PyYAML")
    return {
        "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        **{package: version(package) for package in packages},
    }


def _verdict(ok: bool) -> str:
    return "**met**" if ok else "**MISSED**"


def write_report(results: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "build.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    m = results["machine"]
    base = results["scales"][0]
    top = results["scales"][-1]
    loads = [t["load1"] for s in results["scales"] for runs in s["times"].values() for t in runs]
    lines = [
        "# Build benchmark",
        "",
        f"- Date: {results['date']}",
        f"- Command: `{results['command']}`",
        f"- Data: snapshot of `{results['data']}` (roles, topics and questions repeated ×k for the larger scales)",
        f"- Machine: {m['nproc']} CPUs (`nproc`), {m['cpu'] or 'unknown CPU'}, Python {m['python']}, {m['platform']}",
        f"- Versions: MkDocs {m['mkdocs']}, Material {m['mkdocs-material']}, mkdocs-macros {m['mkdocs-macros-plugin']},"
        f" Markdown {m['Markdown']}, pymdown-extensions {m['pymdown-extensions']}, PyYAML {m['PyYAML']}",
        f"- Plain project timed at: {', '.join(f'{k}×' for k in results['plain_scales'])}",
        f"- Method: median of {results['runs']} runs of `python -m mkdocs build --strict` per project, each a"
        " subprocess (interpreter start, imports, build, writing the site); the projects of a scale are run"
        " interleaved; one untimed warm-up run of each project at the base scale.",
        "- CPU = user + system time of the build process; wall = elapsed time. The machine is shared (other"
        f" test runs and browsers; 1-minute load average during the runs: {min(loads):.1f}–{max(loads):.1f} on"
        f" {m['nproc']} CPUs), so wall times are inflated and noisy; **CPU time is the figure the verdicts use**"
        " and wall time is shown beside it.",
        f"- Whole benchmark: {results['benchmark_seconds']:.0f} s",
        "",
        "## Targets",
        "",
        "| Target | Measured (CPU) | Measured (wall) | Verdict |",
        "|--------|---------------:|----------------:|---------|",
        f"| Data-driven / plain at {base['factor']}× ≤ {RATIO_TARGET} | {base['ratio']['cpu']:.2f} |"
        f" {base['ratio']['wall']:.2f} | {_verdict(results['targets']['ratio'])} |",
    ]
    if top["factor"] == 20:
        lines.append(
            f"| 20× data ≤ {GROWTH_TARGET:.0f}× time | {top['growth']['data_driven']['cpu']:.2f}× |"
            f" {top['growth']['data_driven']['wall']:.2f}× | {_verdict(results['targets']['growth'])} |"
        )
    lines += [
        "",
        "## Data-driven vs plain Markdown",
        "",
        "*Plain* = the same pages as static Markdown (captured after macros and hooks, with their front matter),"
        " same theme, overrides, nav and markdown_extensions, only the search plugin: no macros, no hooks, so no"
        " data loading, no validation, no template rendering, no guide.json / downloads (Anki decks, CSV, JSON).",
        "",
        "| Scale | Roles | Topics | Questions | HTML pages | Build | CPU (s) | Wall (s) | CPU ÷ plain | Wall ÷ plain |",
        "|------:|------:|-------:|----------:|-----------:|-------|--------:|---------:|------------:|-------------:|",
    ]
    for s in results["scales"]:
        d = s["data"]
        for kind, label in KINDS.items():
            if kind not in s["median"]:
                continue
            med = s["median"][kind]
            plain = s["median"].get("plain")
            cpu_ratio = f"{med['cpu'] / plain['cpu']:.2f}" if plain else "–"
            wall_ratio = f"{med['wall'] / plain['wall']:.2f}" if plain else "–"
            lines.append(
                f"| {s['factor']}× | {d['roles']} | {d['topics']} | {d['questions']} | {s['site']['html_pages']} |"
                f" {label} | {med['cpu']:.2f} | {med['wall']:.2f} | {cpu_ratio} | {wall_ratio} |"
            )
    eq = base["equivalence"]
    lines += [
        "",
        f"Equivalence check at {base['factor']}×: {eq['identical_except_edit_link']} of {eq['html_pages']} HTML pages"
        ' are byte-identical between the data-driven and the plain site once the "edit this page" link is'
        f" removed (data-driven pages link their YAML); search index entries identical: "
        f"{'yes' if eq['search_index_identical'] else 'no'}.",
        "",
        "## Growth with data size",
        "",
        "Time relative to the base build. *Per extra copy* = (t(k) − t(1)) / (k − 1), CPU seconds: constant when"
        " growth is linear (the fixed part — interpreter start, imports, theme assets — is paid once).",
        "",
        "| Scale | Data bytes | Site bytes | Data-driven CPU (s) | × of 1× | Per extra copy (s) |"
        " Wall (s) | × of 1× | Plain CPU (s) | × of 1× | Plain per extra copy (s) |",
        "|------:|-----------:|-----------:|--------------------:|--------:|-------------------:|"
        "---------:|--------:|--------------:|--------:|-------------------------:|",
    ]
    for s in results["scales"]:
        dd, pl = s["median"]["data_driven"], s["median"].get("plain")
        extra = s.get("per_extra_copy", {})
        per = f"{extra['data_driven']:.2f}" if extra else ""
        plain_cells = "– | – | –"
        if pl:
            per_plain = f"{extra['plain']:.2f}" if extra else ""
            plain_cells = f"{pl['cpu']:.2f} | {s['growth']['plain']['cpu']:.2f} | {per_plain}"
        lines.append(
            f"| {s['factor']}× | {s['data']['data_bytes']:,} | {s['site']['site_bytes']:,} | {dd['cpu']:.2f} |"
            f" {s['growth']['data_driven']['cpu']:.2f} | {per} | {dd['wall']:.2f} |"
            f" {s['growth']['data_driven']['wall']:.2f} | {plain_cells} |"
        )
    lines += [
        "",
        "## Where the data-driven time goes (one in-process build, CPU seconds)",
        "",
        "| Scale | Imports (study_guide + macros plugin) | Whole build | Load + validate (`Build.load`) |"
        " Render templates (`Renderer.render`) | guide.json + downloads (`write_outputs`) |",
        "|------:|--------------------------------------:|------------:|-------------------------------:|"
        "-------------------------------------:|----------------------------------------:|",
    ]
    for s in results["scales"]:
        b = s["instrumented"]["builds"][0]
        p = b["phases"]
        lines.append(
            f"| {s['factor']}× | {s['instrumented']['import_cpu_seconds']:.2f} | {b['cpu_seconds']:.2f} |"
            f" {p['Build.load (load + validate)']:.2f} |"
            f" {p['Renderer.render (templates)']:.2f} | {p['write_outputs']:.2f} |"
        )
    lines += [
        "",
        "Imports = CPU time to import `mkdocs_macros.plugin` and `study_guide` (pydantic models, genanki,"
        " Jinja) after MkDocs is loaded; the plain build does not import them. The in-process build time"
        " excludes interpreter start-up and imports.",
        "",
        "That data is loaded and validated once per build (also when `mkdocs serve` rebuilds in the same"
        " process) is checked by `tests/test_build_loads_once.py`.",
    ]
    lines += ["", "## Raw runs (CPU s / wall s / load average)", ""]
    for s in results["scales"]:
        for kind, runs in s["times"].items():
            raw = ", ".join(f"{t['cpu']:.2f}/{t['wall']:.2f}/{t['load1']:.1f}" for t in runs)
            lines.append(f"- {s['factor']}× {KINDS[kind]}: {raw}")
    (RESULTS / "build.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_instrumented":
        instrumented(Path(argv[1]), Path(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data directory to snapshot (default: data/)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per build (median is reported)")
    parser.add_argument("--scales", default="1,5,20", help="comma-separated data multipliers (first one is the base)")
    parser.add_argument(
        "--plain-scales", default="1,5", help="scales at which the plain project is timed too (default: 1,5)"
    )
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    plain_scales = {scales[0], *(int(s) for s in args.plain_scales.split(",") if s)}
    began = time.perf_counter()
    command = ("cd /work/main && .venv/bin/python benchmarks/build_benchmark.py " + " ".join(argv)).strip()

    WORK.mkdir(parents=True, exist_ok=True)
    snapshot = WORK / "data-snapshot"
    if snapshot.exists():
        shutil.rmtree(snapshot)
    shutil.copytree(args.data.resolve(), snapshot)  # data/ is edited by others: freeze one version

    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command,
        "data": str(args.data),
        "runs": args.runs,
        "plain_scales": sorted(plain_scales),
        "machine": machine(),
        "scales": [],
    }
    for factor in scales:
        is_base = factor == scales[0]
        print(f"[{time.perf_counter() - began:5.0f}s] {factor}×: preparing", flush=True)
        data = WORK / f"data-{factor}x"
        counts = scale_data(snapshot, data, factor)
        driven = copy_project(WORK / f"driven-{factor}x", data)
        instrumented_result = run_instrumented(driven)
        capture = {"pages": instrumented_result.pop("pages"), "nav": instrumented_result.pop("nav")}
        plain = make_plain_project(driven, capture, WORK / f"plain-{factor}x")
        projects = {"data_driven": driven}
        if factor in plain_scales:
            projects["plain"] = plain
        print(f"[{time.perf_counter() - began:5.0f}s] {factor}×: timing {len(capture['pages'])} pages", flush=True)
        times = time_builds(projects, args.runs, warm_up=is_base)
        median = {
            kind: {measure: statistics.median(t[measure] for t in runs) for measure in ("cpu", "wall")}
            for kind, runs in times.items()
        }
        results["scales"].append(
            {
                "factor": factor,
                "data": counts,
                "pages": len(capture["pages"]),
                "site": site_stats(driven),
                "times": times,
                "median": median,
                "ratio": {m: median["data_driven"][m] / median["plain"][m] for m in ("cpu", "wall")}
                if "plain" in median
                else None,
                "equivalence": compare_sites(driven, plain) if "plain" in median else None,
                "instrumented": instrumented_result,
            }
        )
    base = results["scales"][0]
    for s in results["scales"]:
        kinds = [kind for kind in ("data_driven", "plain") if kind in s["median"]]
        s["growth"] = {
            kind: {m: s["median"][kind][m] / base["median"][kind][m] for m in ("cpu", "wall")} for kind in kinds
        }
        if s["factor"] != base["factor"]:
            extra = s["factor"] - base["factor"]
            s["per_extra_copy"] = {
                kind: (s["median"][kind]["cpu"] - base["median"][kind]["cpu"]) / extra for kind in kinds
            }
    top = results["scales"][-1]
    results["targets"] = {
        "ratio": base["ratio"]["cpu"] <= RATIO_TARGET,
        "growth": top["growth"]["data_driven"]["cpu"] <= GROWTH_TARGET if top["factor"] == 20 else None,
    }
    results["benchmark_seconds"] = time.perf_counter() - began
    write_report(results)
    print((RESULTS / "build.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
