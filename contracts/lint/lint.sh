#!/usr/bin/env bash
# Lints the committed contracts with the field's own tools: Spectral (spectral:oas) and Redocly
# (recommended) over contracts/openapi/*.json, the AsyncAPI CLI over the AsyncAPI document.
# Findings kept on purpose are explained in .spectral.yaml and .redocly.lint-ignore.yaml.
# Needs Node.js and npm; installs the pinned tools (package-lock.json) on first use, into a
# cache outside the working copy (one per lock file, like Maven's ~/.m2), so that a fresh clone
# does not install them again: $SCENARIOHUB_CACHE, else ~/.cache/scenariohub.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm > /dev/null; then
  echo "contract lint skipped: npm (Node.js) is not installed" >&2
  exit 3
fi
lock=$(sha256sum package-lock.json | cut -c1-16)
tools="${SCENARIOHUB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scenariohub}/contract-lint-$lock"
if [ ! -x "$tools/node_modules/.bin/spectral" ]; then
  # installed aside and moved into place whole, so a run never sees half an install
  mkdir -p "$(dirname "$tools")"
  staging=$(mktemp -d "$tools.XXXXXX")
  cp package.json package-lock.json "$staging/"
  (cd "$staging" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  mv -T "$staging" "$tools" 2> /dev/null || rm -rf "$staging"
fi
export PATH="$tools/node_modules/.bin:$PATH"
export CI=true NODE_ENV=production ASYNCAPI_METRICS_CONFIG_PATH="$PWD/asyncapi-analytics.json" SUPPRESS_NO_CONFIG_WARNING=true NODE_NO_WARNINGS=1
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"none"}' > "$ASYNCAPI_METRICS_CONFIG_PATH"
echo "== spectral (spectral:oas)"
spectral lint --ruleset .spectral.yaml --fail-severity=warn ../openapi/*.json
echo "== redocly (recommended)"
# redocly fails only on errors; a warning that is not in the ignore file fails here too
redocly_out=$(redocly lint --max-problems 50 ../openapi/*.json 2>&1) || { echo "$redocly_out"; exit 1; }
echo "$redocly_out"
if grep -Eq "You have [0-9]+ warning" <<< "$redocly_out"; then
  echo "redocly reported warnings that .redocly.lint-ignore.yaml does not explain" >&2
  exit 1
fi
echo "== asyncapi validate"
asyncapi validate --fail-severity=warn ../src/main/resources/contracts/asyncapi.yaml
