#!/usr/bin/env bash
# Runs every benchmark in bench/ from the given build directory. Arguments after the build
# directory go to render_bench (Google Benchmark flags).
#
#   bench/run.sh [build/bench] [--benchmark_filter=...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build/bench}
"$build/bench/render_bench" "${@:2}"

# store_bench: SQLite, and PostgreSQL on PEERMAP_TEST_PG_URL's server, else on a throwaway
# cluster of scripts/test-postgres.sh on a port of its own (PEERMAP_BENCH_PG_PORT, default
# 54339, so a test run's cluster on 54329 is left alone), stopped at the end.
if [[ -z ${PEERMAP_TEST_PG_URL:-} ]]; then
  export PEERMAP_TEST_PG_PORT=${PEERMAP_BENCH_PG_PORT:-54339}
  if started=$("$root/scripts/test-postgres.sh" start); then
    trap '"$root/scripts/test-postgres.sh" stop' EXIT
    eval "$started"
  else
    echo "run.sh: PostgreSQL could not be started; store_bench measures SQLite only" >&2
  fi
fi
"$build/bench/store_bench"

# The case record of a 200-person map as a whole process (issue 12), target <= 1 s.
"$root/bench/record_bench.sh" "$build"

# The legibility benchmark (issue 10): its own corpus of 120 maps, crossings and ties through
# people against neato with overlap=prism, render times; writes a Markdown report.
python3 "$root/bench/legibility.py" --build "$build" --markdown "$build/benchmarks-legibility.md"
