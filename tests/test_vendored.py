"""Vendored browser libraries are exactly the files of their published packages (scripts/vendored.json)."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
import os
import tarfile
import urllib.error
import urllib.request

import pytest

from .conftest import ROOT

_SPEC = importlib.util.spec_from_file_location("check_vendored", ROOT / "scripts" / "check_vendored.py")
check_vendored = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_vendored)
MANIFEST = json.loads((ROOT / "scripts" / "vendored.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_vendored_files_match_the_published_package(name):
    entry = MANIFEST[name]
    try:
        with urllib.request.urlopen(entry["tarball"], timeout=60) as response:
            tarball = response.read()
    except (urllib.error.URLError, TimeoutError) as exc:
        # CI reaches the package registries; a machine offline can only skip.
        if os.environ.get("CI"):
            pytest.fail(f"cannot download {entry['tarball']}: {exc}")
        pytest.skip(f"cannot download {entry['tarball']}: {exc}")
    assert check_vendored.check(name, entry, tarball) == []


def test_a_changed_file_is_caught():
    entry = MANIFEST["ts-fsrs"]
    # A tarball whose integrity hash does not match is refused before anything is compared.
    assert check_vendored.check("ts-fsrs", entry, b"not the package") == [
        "ts-fsrs: the tarball does not match the registry's integrity hash"
    ]
    # A genuine tarball (integrity matches) whose file differs from the vendored copy by one byte.
    vendored = ROOT / entry["files"]["package/dist/index.umd.js"]
    changed = vendored.read_bytes() + b"\n"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        info = tarfile.TarInfo("package/dist/index.umd.js")
        info.size = len(changed)
        archive.addfile(info, io.BytesIO(changed))
    tarball = buffer.getvalue()
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    fake = {**entry, "integrity": f"sha512-{digest}", "files": {"package/dist/index.umd.js": str(vendored)}}
    assert check_vendored.check("ts-fsrs", fake, tarball) == [
        f"ts-fsrs: {vendored} differs from package/dist/index.umd.js in ts-fsrs {entry['version']}"
    ]
