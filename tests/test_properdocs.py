"""ProperDocs, the drop-in fork of MkDocs 1.x, builds the same site as MkDocs.

Material for MkDocs is feature-frozen and MkDocs 2.0 drops plugins, so ProperDocs is the way out
if MkDocs 1.6 stops installing. This keeps the configuration portable: every file of the two
builds is byte-identical except the generator tag in the HTML head.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

from .conftest import ROOT, mkdocs_build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
# Added to the MkDocs build by the test fixture (scripts/build_offline.py), not by `mkdocs build`.
ONLY_IN_FIXTURE = ["downloads/*offline*.zip"]


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    return GENERATOR.sub(b"", data) if path.suffix == ".html" else data


def test_properdocs_builds_the_same_site(built_site: Path, tmp_path: Path):
    site = tmp_path / "properdocs-site"
    # Built as the shared site is (with the offline zip linked), so only the generator may differ.
    result = mkdocs_build(ROOT, site, with_offline_zip=True, generator="properdocs")
    assert result.returncode == 0, result.stderr

    ours, theirs = _files(built_site), _files(site)
    extra = {name for name in ours.keys() - theirs.keys() if not any(fnmatch.fnmatch(name, p) for p in ONLY_IN_FIXTURE)}
    differing = sorted(name for name in ours.keys() & theirs.keys() if _content(ours[name]) != _content(theirs[name]))
    assert (sorted(extra), sorted(theirs.keys() - ours.keys()), differing) == ([], [], [])
