#!/usr/bin/env bash
# Schema check of deploy/k8s (no cluster needed): deploy/k8s/validate.sh [file.yaml ...]
# Checks every document against the Kubernetes API's OpenAPI schemas of its kind (npm package kubernetes-models,
# pinned in validate/package-lock.json, installed on first use) and that kustomization.yaml lists every manifest.
# Needs Node.js and npm. Exit 0 when every manifest matches.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ ! -d "$HERE/validate/node_modules/kubernetes-models" ]]; then
  (cd "$HERE/validate" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
exec node "$HERE/validate/validate.mjs" "$@"
