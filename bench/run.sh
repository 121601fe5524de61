#!/usr/bin/env bash
# Runs every benchmark in bench/ from the given build directory.
set -euo pipefail
build=${1:-build/bench}
"$build/bench/render_bench" "${@:2}"
