"""Lighthouse benchmark: build the site, serve it gzip-compressed on 127.0.0.1, audit four pages.

    benchmarks/lighthouse.sh                     # installs the pinned Lighthouse if needed, then runs this
    .venv/bin/python benchmarks/lighthouse.py --runs 3 --project /path/to/copy --role example-role

Pages: home, one role page (--role, default staff-machine-learning-engineer), the topic library
(topics/) and the question bank (questions/); presets: mobile (Lighthouse's default: simulated slow
4G, 4× CPU slowdown, Moto G Power viewport) and desktop (--preset=desktop). Chromium is
/usr/bin/chromium (CHROME_PATH) with --headless=new --no-sandbox --disable-gpu
--disable-background-networking; every run has --max-wait-for-load and a hard timeout, so nothing
hangs on the missing internet.

The site is built with SITE_URL set to the served origin (canonical links match the pages) into
benchmarks/out/lighthouse/site/ and served by benchmarks/gzip_server.py in a thread. Raw reports
go to benchmarks/out/lighthouse/reports/; the summary to benchmarks/results/lighthouse.md + .json.
With --runs N > 1, each number is the median over the N runs (failing audits come from the run
with the median performance score).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from gzip_server import make_server  # noqa: E402

OUT = HERE / "out" / "lighthouse"
RESULTS = HERE / "results"
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
PRESETS = ["mobile", "desktop"]
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
RUN_TIMEOUT = 240  # seconds per Lighthouse run


def build_site(project: Path, site_dir: Path, port: int) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stderr}")


def lighthouse_command(url: str, preset: str, output: Path) -> list[str]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--max-wait-for-load=45000",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    return command


def run_lighthouse(url: str, preset: str, output: Path) -> dict:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)
    env = {**os.environ, "CHROME_PATH": CHROME}
    # Own process group, so a timeout ends Lighthouse and the Chromium it started, and nothing else.
    process = subprocess.Popen(
        lighthouse_command(url, preset, output),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise SystemExit(f"Lighthouse timed out after {RUN_TIMEOUT}s on {url} ({preset})") from None
    if process.returncode != 0 or not output.is_file():
        raise SystemExit(f"Lighthouse failed on {url} ({preset}):\n{stderr}")
    return json.loads(output.read_text(encoding="utf-8"))


def _text(markdown: str) -> str:
    """Lighthouse descriptions without their Markdown links, first sentence or two."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(text.split())[:300]


def failing_audits(report: dict) -> dict[str, list[dict]]:
    """For each category below its target: the audits that cost points.

    Weighted audits with a score below 1 (for performance: the metrics), plus, for performance, the
    visible diagnostics and opportunities that flag savings. Lighthouse's hidden "insight" duplicates
    of those are left out.
    """
    audits = report["audits"]
    failing: dict[str, list[dict]] = {}
    for category_id, category in report["categories"].items():
        if round(category["score"] * 100) >= TARGETS[category_id]:
            continue
        items = []
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            score = audit.get("score")
            mode = audit.get("scoreDisplayMode")
            if score is None or score >= 1 or ref.get("group") == "hidden":
                continue
            if mode in ("notApplicable", "informative", "manual", "error"):
                continue
            if ref.get("weight", 0) == 0 and category_id != "performance":
                continue
            item = {
                "id": ref["id"],
                "title": audit["title"],
                "score": score,
                "weight": ref.get("weight", 0),
                "display_value": audit.get("displayValue", ""),
                "description": _text(audit.get("description", "")),
            }
            targets = []
            for entry in ((audit.get("details") or {}).get("items") or [])[:5]:
                node = entry.get("node") or {}
                target = node.get("snippet") or node.get("selector") or entry.get("url") or entry.get("groupLabel")
                if target:
                    targets.append(str(target)[:160])
            if targets:
                item["items"] = targets
            items.append(item)
        failing[category_id] = items
    return failing


def summarize(report: dict) -> dict[str, Any]:
    audits = report["audits"]
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "transfer_bytes": int(audits["total-byte-weight"]["numericValue"]),
        "requests": len(requests),
        "metrics": {
            short: {"value": audits[audit_id].get("numericValue"), "display": audits[audit_id].get("displayValue", "")}
            for audit_id, short in METRICS.items()
        },
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
        "run_warnings": report.get("runWarnings", []),
        "failing_audits": failing_audits(report),
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (lower middle for an even count)."""
    ordered = sorted(runs, key=lambda run: run["scores"]["performance"])
    return ordered[(len(ordered) - 1) // 2]


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROME, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return out.strip().splitlines()[0] if out.strip() else "unknown"


def lighthouse_version() -> str:
    return subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True).stdout.strip()


def fmt_bytes(value: float) -> str:
    return f"{value / 1024:.1f} KiB"


def page_list(which: str, role: str, site_dir: Path) -> list[tuple[str, str]]:
    """(name, path) of the pages to audit; 'all' reads the role and topic pages from the built site."""
    core = [("Home", ""), ("Role page", f"roles/{role}/")]
    core += [("Topic library", "topics/"), ("Question bank", "questions/")]
    if which == "core":
        return core
    if which != "all":
        return [(path or "Home", path) for path in which.split(",")]
    roles = sorted(p.parent.name for p in (site_dir / "roles").glob("*/index.html"))
    topics = sorted(p.parent.name for p in (site_dir / "topics").glob("*/index.html"))
    pages = [("Home", "")] + [("Role page", f"roles/{r}/") for r in roles]
    pages += [("Topic library", "topics/"), ("Question bank", "questions/")]
    if topics:  # one topic page: they are generated from one template, the largest stands for all
        largest = max(topics, key=lambda t: (site_dir / "topics" / t / "index.html").stat().st_size)
        pages.append(("Topic page (largest)", f"topics/{largest}/"))
    pages += [("Study tool", tool) for tool in ("practice/", "plan/", "progress/")]
    return pages


def write_report(results: dict, name: str = "lighthouse") -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    lines = [
        "# Lighthouse benchmark",
        "",
        f"- Date: {results['date']}",
        f"- Command: `{results['command']}`",
        f"- Lighthouse {results['lighthouse']} (npm, pinned in benchmarks/package.json), {results['chromium']}"
        f" at `{CHROME}`, flags `{CHROME_FLAGS}`",
        f"- Machine: {results['machine']['nproc']} CPUs (`nproc`), Python {results['machine']['python']},"
        f" Node {results['machine']['node']}; Lighthouse benchmarkIndex {results['benchmark_index']}",
        f"- Site: `mkdocs build --strict` of `{results['project']}` (SITE_URL=http://127.0.0.1:{results['port']}/),"
        " served by benchmarks/gzip_server.py (gzip text, `Cache-Control: max-age=600`, like GitHub Pages)",
        f"- Runs per page and preset: {results['runs']}"
        + (" (each number is the median over the runs)" if results["runs"] > 1 else ""),
        "- Targets: performance ≥ 98, accessibility 100, best practices 100, SEO 100",
        "",
        "| Page | Preset | Perf | A11y | Best pr. | SEO | Transfer | Requests | FCP | LCP | TBT | CLS |",
        "|------|--------|-----:|-----:|---------:|----:|---------:|---------:|----:|----:|----:|----:|",
    ]

    def mark(category: str, value: int) -> str:
        return f"{value}" if value >= TARGETS[category] else f"**{value}** ✗"

    for row in results["pages"]:
        s = row["scores"]
        m = row["metrics"]
        lines.append(
            f"| {row['page']} (`{row['path'] or '/'}`) | {row['preset']} | {mark('performance', s['performance'])} |"
            f" {mark('accessibility', s['accessibility'])} | {mark('best-practices', s['best-practices'])} |"
            f" {mark('seo', s['seo'])} | {fmt_bytes(row['transfer_bytes'])} | {row['requests']} |"
            f" {m['FCP']['display']} | {m['LCP']['display']} | {m['TBT']['display']} | {m['CLS']['display']} |"
        )
    met = results["targets_met"]
    verdicts = ", ".join(f"{c} {'yes' if v else 'NO'}" for c, v in met.items())
    lines += ["", f"Targets met on every page and preset: {verdicts}"]
    missed = [row for row in results["pages"] if row["failing_audits"]]
    if missed:
        lines += ["", "## Audits that cost points", ""]
        for row in missed:
            lines.append(f"### {row['page']}, {row['preset']}")
            lines.append("")
            for category, items in row["failing_audits"].items():
                for item in items:
                    value = f" — {item['display_value']}" if item["display_value"] else ""
                    lines.append(
                        f"- {category}: `{item['id']}` (score {item['score']}, weight {item['weight']}){value}:"
                        f" {item['title']}. {item['description']}"
                    )
                    for target in item.get("items", []):
                        lines.append(f"    - `{target}`")
            lines.append("")
    warnings = sorted({w for row in results["pages"] for w in row["run_warnings"]})
    if warnings:
        lines += ["", "## Lighthouse run warnings", "", *[f"- {w}" for w in warnings]]
    (RESULTS / f"{name}.md").write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="project to build (default: this repository)")
    parser.add_argument("--role", default="staff-machine-learning-engineer", help="role id of the role page")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and preset (median reported)")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--presets", default=",".join(PRESETS))
    parser.add_argument("--skip-build", action="store_true", help="reuse benchmarks/out/lighthouse/site")
    parser.add_argument(
        "--pages",
        default="core",
        help="core (home, --role, topics, questions), all (also every role page, one topic page and the"
        " study tools) or a comma-separated list of site paths",
    )
    parser.add_argument("--name", default="lighthouse", help="results/<name>.md and .json (default: lighthouse)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run benchmarks/lighthouse.sh (npm ci in benchmarks/)")
    began = time.perf_counter()
    site_dir = OUT / "site"
    site_dir.mkdir(parents=True, exist_ok=True)
    server = make_server(site_dir, args.port)  # bound first: the build needs the port for SITE_URL
    port = server.server_port
    if not args.skip_build:
        print("building the site…", flush=True)
        build_site(args.project.resolve(), site_dir, port)
    pages = page_list(args.pages, args.role, site_dir)
    for _, path in pages:
        if not (site_dir / path / "index.html").is_file():
            raise SystemExit(f"{site_dir / path / 'index.html'} is missing (wrong --role?)")

    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    rows = []
    try:
        for preset in args.presets.split(","):
            for name, path in pages:
                runs = []
                for index in range(args.runs):
                    slug = (path.strip("/").replace("/", "-") or "home") + f"-{preset}-{index + 1}"
                    print(f"[{time.perf_counter() - began:4.0f}s] lighthouse {preset} {base}{path}", flush=True)
                    runs.append(summarize(run_lighthouse(base + path, preset, OUT / "reports" / f"{slug}.json")))
                middle = median_run(runs)
                rows.append(
                    {
                        "page": name,
                        "path": path,
                        "preset": preset,
                        "scores": {c: int(statistics.median([r["scores"][c] for r in runs])) for c in CATEGORIES},
                        "scores_per_run": [r["scores"] for r in runs],
                        "transfer_bytes": int(statistics.median([r["transfer_bytes"] for r in runs])),
                        "requests": int(statistics.median([r["requests"] for r in runs])),
                        "metrics": middle["metrics"],
                        "benchmark_index": [r["benchmark_index"] for r in runs],
                        "run_warnings": sorted({w for r in runs for w in r["run_warnings"]}),
                        "failing_audits": middle["failing_audits"],
                    }
                )
    finally:
        server.shutdown()
        server.server_close()

    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    indexes = [i for row in rows for i in row["benchmark_index"] if i]
    results = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": ("benchmarks/lighthouse.sh " + " ".join(argv)).strip(),
        "project": str(args.project),
        "port": port,
        "runs": args.runs,
        "lighthouse": lighthouse_version(),
        "chromium": chromium_version(),
        "machine": {
            "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
            "python": platform.python_version(),
            "node": node,
        },
        "benchmark_index": round(statistics.median(indexes)) if indexes else None,
        "targets": TARGETS,
        "targets_met": {c: all(row["scores"][c] >= t for row in rows) for c, t in TARGETS.items()},
        "pages": rows,
        "seconds": round(time.perf_counter() - began),
    }
    write_report(results, args.name)
    print((RESULTS / f"{args.name}.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
