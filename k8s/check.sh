#!/usr/bin/env bash
# Renders every overlay and validates the result against the Kubernetes API schemas.
# Needs kubectl (for kustomize) and Node.js; installs the validator from the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
(cd tools && npm install --no-audit --no-fund --silent)
for overlay in overlays/*/; do
  echo "== ${overlay}"
  kubectl kustomize "${overlay}" | node tools/check.mjs | grep -v '^skipped'
done
