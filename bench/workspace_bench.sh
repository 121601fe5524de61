#!/usr/bin/env bash
# The workspace benchmark (bench/workspace_bench.mjs): Save -> new map painted, opening the
# editor and the bundle's size, for a 200-person map on SQLite in Debian's chromium.
#
#   bench/workspace_bench.sh [--saves N] [--opens N]     (PEERMAP_BIN: the binary; default build/release/peermap)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ -d $root/web/node_modules ]] || (cd "$root/web" && npm ci --silent)
cd "$root/web" && exec node "$root/bench/workspace_bench.mjs" "$@"
