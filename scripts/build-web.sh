#!/usr/bin/env bash
# Bundles the browser workspace (web/) into DIR: `npm ci` first, only when node_modules is
# missing or older than package-lock.json; then esbuild and sass (web/build.mjs), well under
# a second.
set -euo pipefail
out=${1:?usage: build-web.sh OUTPUT_DIR}
cd "$(dirname "$0")/../web"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node build.mjs "$out"
