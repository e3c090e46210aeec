"""Summary of a Lighthouse CI run: results/<name>.md and .json from its reports.

    benchmarks/lighthouse.sh --runs 3 --presets mobile --pages all --name split   # runs this at the end

Lighthouse CI (`lhci collect`, configured in lighthouserc.cjs) runs Lighthouse on each page and
`lhci upload --target=filesystem` writes every report with a manifest.json that marks each page's
representative (median) run. This script reads those manifests, one per preset, and writes the
table: each score is the median over the runs; metrics, transfer and the audits that cost points
come from the representative run. The targets themselves are checked by `lhci assert`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "lighthouse"
RESULTS = HERE / "results"
LHCI = HERE / "node_modules" / ".bin" / "lhci"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"  # as in lighthouserc.cjs
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# As asserted in lighthouserc.cjs; used here only to mark the table.
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


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
        "lighthouse_version": report.get("lighthouseVersion", "unknown"),
        "run_warnings": report.get("runWarnings", []),
        "failing_audits": failing_audits(report),
    }


def fmt_bytes(value: float) -> str:
    return f"{value / 1024:.1f} KiB"


def write_report(results: dict, name: str = "lighthouse") -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    lines = [
        "# Lighthouse benchmark",
        "",
        f"- Date: {results['date']}",
        f"- Command: `{results['command']}`",
        f"- Lighthouse {results['lighthouse']}, pinned in benchmarks/package.json;"
        f" {results['chromium']} at `{CHROME}`, flags `{CHROME_FLAGS}`; pages, runs and targets in"
        " benchmarks/lighthouserc.cjs",
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


def page_name(path: str) -> str:
    """The kind of page, for the table: Home, Role page, Topic page, Study tool..."""
    if path == "":
        return "Home"
    if path == "topics/":
        return "Topic library"
    if path == "questions/":
        return "Question bank"
    if path.startswith("roles/"):
        return "Role page"
    if path.startswith("topics/"):
        return "Topic page (largest)"
    if path in ("practice/", "plan/", "progress/"):
        return "Study tool"
    return path


def rows_for(preset: str, manifest: list[dict], base: str) -> list[dict]:
    """One row per page, in the order Lighthouse CI ran them."""
    urls = list(dict.fromkeys(entry["url"] for entry in manifest))
    rows = []
    for url in urls:
        entries = [entry for entry in manifest if entry["url"] == url]
        runs = [summarize(json.loads(Path(entry["jsonPath"]).read_text(encoding="utf-8"))) for entry in entries]
        representative = runs[next(i for i, entry in enumerate(entries) if entry["isRepresentativeRun"])]
        path = url.removeprefix(base)
        rows.append(
            {
                "page": page_name(path),
                "path": path,
                "preset": preset,
                "scores": {c: int(statistics.median([r["scores"][c] for r in runs])) for c in CATEGORIES},
                "scores_per_run": [r["scores"] for r in runs],
                "transfer_bytes": int(statistics.median([r["transfer_bytes"] for r in runs])),
                "requests": int(statistics.median([r["requests"] for r in runs])),
                "metrics": representative["metrics"],
                "benchmark_index": [r["benchmark_index"] for r in runs],
                "lighthouse_version": representative["lighthouse_version"],
                "run_warnings": sorted({w for r in runs for w in r["run_warnings"]}),
                "failing_audits": representative["failing_audits"],
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--presets", required=True, help="comma-separated, as collected")
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--name", default="lighthouse", help="results/<name>.md and .json")
    parser.add_argument("--command", required=True, help="the command that ran the benchmark")
    args = parser.parse_args(argv)
    base = f"http://127.0.0.1:{args.port}/"
    rows = []
    for preset in args.presets.split(","):
        manifest = json.loads((OUT / "lhci" / preset / "manifest.json").read_text(encoding="utf-8"))
        rows += rows_for(preset, manifest, base)
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    lhci = subprocess.run([str(LHCI), "--version"], capture_output=True, text=True).stdout.strip()
    indexes = [i for row in rows for i in row["benchmark_index"] if i]
    chromium = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout.strip()
    lighthouse = ", ".join(sorted({row["lighthouse_version"] for row in rows}))
    results = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": args.command,
        "project": args.project,
        "port": args.port,
        "runs": args.runs,
        "lighthouse": f"{lighthouse} (through Lighthouse CI {lhci})",
        "chromium": chromium or "unknown",
        "machine": {
            "nproc": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
            "python": platform.python_version(),
            "node": node,
        },
        "benchmark_index": round(statistics.median(indexes)) if indexes else None,
        "targets": TARGETS,
        "targets_met": {c: all(row["scores"][c] >= t for row in rows) for c, t in TARGETS.items()},
        "pages": rows,
    }
    write_report(results, args.name)
    print((RESULTS / f"{args.name}.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
