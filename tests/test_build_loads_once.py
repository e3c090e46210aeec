"""Data is loaded and validated once per build, and each data file is read once.

A child process wraps `yaml_source.read_yaml` and `load.load_guide` before anything else imports
them (so every caller gets the counting version, whatever name it imported), then runs two
MkDocs builds of the fixture project in-process, as `mkdocs serve` rebuilds on a change.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import SITE_URL

DRIVER = r"""
import json, sys
from pathlib import Path

project = Path(sys.argv[1])
sys.path.insert(0, str(project))
import study_guide.yaml_source as yaml_source

counts = {"load_guide": 0, "read_yaml": []}
read_yaml = yaml_source.read_yaml

def counted_read_yaml(path, *args, **kwargs):
    counts["read_yaml"].append(str(Path(path).relative_to(project)))
    return read_yaml(path, *args, **kwargs)

yaml_source.read_yaml = counted_read_yaml
import study_guide.load as load  # binds the counting read_yaml

load_guide = load.load_guide

def counted_load_guide(*args, **kwargs):
    counts["load_guide"] += 1
    return load_guide(*args, **kwargs)

load.load_guide = counted_load_guide
assert Path(load.__file__).resolve().is_relative_to(project.resolve()), load.__file__

from mkdocs.commands.build import build
from mkdocs.config import load_config

per_build = []
for index in range(2):
    before = {"load_guide": counts["load_guide"], "read_yaml": len(counts["read_yaml"])}
    config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(project / f"site-{index}"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    per_build.append(
        {
            "load_guide": counts["load_guide"] - before["load_guide"],
            "read_yaml": sorted(counts["read_yaml"][before["read_yaml"] :]),
        }
    )
print(json.dumps(per_build))
"""


def test_each_build_loads_the_data_once(fixture_project: Path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, "STUDY_GUIDE_OFFLINE_ZIP": "0"}
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(fixture_project)],
        cwd=fixture_project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    per_build = json.loads(result.stdout.strip().splitlines()[-1])
    data_files = sorted(str(p.relative_to(fixture_project)) for p in (fixture_project / "data").rglob("*.yaml"))
    assert per_build == [{"load_guide": 1, "read_yaml": data_files}] * 2
