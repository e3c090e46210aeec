#!/usr/bin/env bash
# Lighthouse benchmark of the built site, served gzip-compressed on 127.0.0.1 (see lighthouse.py).
#   benchmarks/lighthouse.sh [--runs N] [--role ID] [--project DIR] [--presets mobile,desktop]
# Installs the pinned Lighthouse (benchmarks/package-lock.json) into benchmarks/node_modules on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-$here/../.venv/bin/python}"
if [ ! -x "$here/node_modules/.bin/lighthouse" ]; then
  (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
exec "$python" "$here/lighthouse.py" "$@"
