#!/usr/bin/env bash
# Lighthouse benchmark with Lighthouse CI (pinned in package.json; config in lighthouserc.cjs).
#   benchmarks/lighthouse.sh [--runs N] [--presets mobile,desktop] [--pages all|core|a/,b/] [--name NAME] [--project DIR]
# Builds the site with SITE_URL on the served port, runs `lhci collect` per preset (lhci serves the
# site with gzip_server.py), keeps every report (`lhci upload --target=filesystem`), writes
# results/NAME.md + .json (lighthouse_summary.py), then `lhci assert` checks the targets: the exit
# code says whether they were met. Installs the pinned tools with `npm ci` on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-$here/../.venv/bin/python}"
runs=3 presets=mobile pages=all name=lighthouse project="$(cd "$here/.." && pwd)"
command="benchmarks/lighthouse.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --presets) presets="$2"; shift 2 ;;
    --pages) pages="$2"; shift 2 ;;
    --name) name="$2"; shift 2 ;;
    --project) project="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
if [ ! -x "$here/node_modules/.bin/lhci" ]; then
  (cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" PYTHON="$python"
export LHCI_PORT="${LHCI_PORT:-8765}" LHCI_RUNS="$runs" LHCI_PAGES="$pages"
out="$here/out/lighthouse"
rm -rf "$out/site" "$out/lhci"
echo "building $project into $out/site"
(cd "$project" && SITE_URL="http://127.0.0.1:$LHCI_PORT/" NO_MKDOCS_2_WARNING=1 \
  "$python" -m mkdocs build --strict --quiet --site-dir "$out/site")
cd "$here"
status=0
for preset in ${presets//,/ }; do
  export LHCI_PRESET="$preset"
  rm -rf .lighthouseci
  node_modules/.bin/lhci collect --config=lighthouserc.cjs
  node_modules/.bin/lhci upload --config=lighthouserc.cjs --outputDir="$out/lhci/$preset"
  node_modules/.bin/lhci assert --config=lighthouserc.cjs || status=$?
done
"$python" lighthouse_summary.py --presets "$presets" --runs "$runs" --port "$LHCI_PORT" \
  --project "$project" --name "$name" --command "$command"
exit "$status"
