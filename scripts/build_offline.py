"""Build the offline copy of the site and zip it into the built site's downloads/.

    .venv/bin/python scripts/build_offline.py            # after `mkdocs build`: writes site/downloads/<zip>
    .venv/bin/python scripts/build_offline.py --site-dir DIR --project DIR

Builds mkdocs.offline.yml (which inherits mkdocs.yml) with Material's `offline` plugin added to
the inherited plugins, in strict mode, into a temporary directory; adds the vendored
iframe-worker shim that lets search run from file://; and zips the result (one top-level folder,
sorted entries, fixed dates) to <site-dir>/downloads/spotify-interview-study-guides-offline.zip.
The build time comes from study_guide.downloads.build_timestamp and is given to MkDocs as
SOURCE_DATE_EPOCH, so two runs on the same commit give the same zip.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from study_guide.downloads import DOWNLOADS_DIR, OFFLINE_ZIP, build_timestamp, zip_directory

ROOT = Path(__file__).resolve().parent.parent
CONFIG = "mkdocs.offline.yml"
SHIM = Path(__file__).resolve().parent / "vendor" / "iframe-worker-shim.js"
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"  # as named in mkdocs.offline.yml
FOLDER = OFFLINE_ZIP.removesuffix(".zip")


def offline_plugins(config_file: Path) -> list | dict:
    """The plugins `config_file` gets (through INHERIT), with Material's offline plugin added."""
    with open(config_file, "rb") as f:
        plugins = yaml_load(f).get("plugins", ["search"])
    if isinstance(plugins, dict):
        return {**plugins, "offline": plugins.get("offline") or {}}
    names = [next(iter(p)) if isinstance(p, dict) else p for p in plugins]
    return plugins if "offline" in names else [*plugins, "offline"]


def build_offline(project: Path = ROOT, site_dir: Path | None = None) -> Path:
    """Build the offline copy of `project` and return the path of the zip written into `site_dir`."""
    project = project.resolve()
    site_dir = (site_dir or project / "site").resolve()
    config_file = project / CONFIG
    timestamp = build_timestamp(project)
    saved = {key: os.environ.get(key) for key in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")}
    os.environ.update(SOURCE_DATE_EPOCH=str(timestamp), NO_MKDOCS_2_WARNING="1")
    try:
        with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
            out = Path(tmp) / FOLDER
            try:
                config = load_config(
                    str(config_file), site_dir=str(out), strict=True, plugins=offline_plugins(config_file)
                )
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config)
                finally:
                    config.plugins.on_shutdown()
            except MkDocsException as exc:
                raise RuntimeError(f"offline build failed: {exc}") from None
            target = out / SHIM_TARGET
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(SHIM, target)
            zip_path = site_dir / DOWNLOADS_DIR / OFFLINE_ZIP
            zip_path.parent.mkdir(parents=True, exist_ok=True)
            zip_directory(out, zip_path, FOLDER, timestamp)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="project to build (default: this repository)")
    parser.add_argument("--site-dir", type=Path, help="built site to add the zip to (default: PROJECT/site)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    start = time.monotonic()
    try:
        zip_path = build_offline(args.project, args.site_dir)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    size = zip_path.stat().st_size / 1_000_000
    print(f"wrote {zip_path} ({size:.1f} MB) in {time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
