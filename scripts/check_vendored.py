"""Check that vendored browser libraries are byte-for-byte the files their published package holds.

    python scripts/check_vendored.py            # download each package from the npm registry and compare
    python scripts/check_vendored.py --tarball ts-fsrs=/path/to/ts-fsrs-5.4.2.tgz   # compare with a local copy

scripts/vendored.json names each package's tarball, its registry integrity hash (checked before
anything is read from it) and which file of the package is vendored where. The site never loads
them from a CDN; this is how a reviewer confirms nobody edited them.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "scripts" / "vendored.json"


def check(name: str, entry: dict, tarball: bytes) -> list[str]:
    algorithm, expected = entry["integrity"].split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        return [f"{name}: the tarball does not match the registry's integrity hash"]
    problems = []
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member, vendored in entry["files"].items():
            published = archive.extractfile(member).read()
            if (ROOT / vendored).read_bytes() != published:
                problems.append(f"{name}: {vendored} differs from {member} in {name} {entry['version']}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tarball", action="append", default=[], help="NAME=PATH of a local package tarball")
    args = parser.parse_args(argv)
    local = dict(item.split("=", 1) for item in args.tarball)
    problems = []
    for name, entry in json.loads(MANIFEST.read_text(encoding="utf-8")).items():
        if name in local:
            data = Path(local[name]).read_bytes()
        else:
            with urllib.request.urlopen(entry["tarball"], timeout=60) as response:
                data = response.read()
        problems += check(name, entry, data)
    print("\n".join(problems) or "vendored files match their published packages")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
