#!/usr/bin/env bash
# Issue 3 benchmark: `peermap analyze` against Debian's python3-igraph doing the same load and
# the same measures on the same 10k-node, 50k-edge GraphML, side by side in one run (median of
# three runs each, alternating), unweighted and then weighted (strengths 1..3: Dijkstra for
# betweenness and closeness), then the 100k/500k run with its time and peak memory.
#   bench/analyze_bench.sh [build/release/peermap]
set -euo pipefail
binary=${1:-build/release/peermap}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=/usr/bin/python3  # Debian's, where python3-igraph installs (not a pyenv on PATH)
if ! "$python" -c 'import igraph' 2>/dev/null; then
  [[ $(id -u) -eq 0 ]] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-igraph >/dev/null
fi

# A reproducible random network: n people, m distinct ties; with a 4th argument "weighted",
# each tie has a strength 1..3 as a peer map document's ties do.
make_network() {  # n m file.csv [weighted]
  "$python" - "$1" "$2" "$3" "${4:-}" <<'PY'
import random, sys
n, m, path, weighted = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4] == "weighted"
random.seed(20261129)
ties = set()
while len(ties) < m:
    a, b = random.randrange(n), random.randrange(n)
    if a != b:
        ties.add((min(a, b), max(a, b)))
with open(path, "w") as f:
    f.write("source,target,weight\n" if weighted else "source,target\n")
    for a, b in sorted(ties):
        f.write(f"p{a},p{b},{random.randint(1, 3)}\n" if weighted else f"p{a},p{b}\n")
PY
}

seconds() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | sed -n 2p; }

side_by_side() {  # label [weighted]
  make_network 10000 50000 "$work/net10k.csv" "${2:-}"
  "$binary" convert "$work/net10k.csv" "$work/net10k.graphml"
  local ours=() peer=() o p
  for run in 1 2 3; do
    ours+=("$(seconds "$binary" analyze "$work/net10k.graphml" --json | cut -d' ' -f1)")
    peer+=("$(seconds "$python" "$here/igraph_measures.py" "$work/net10k.graphml" | cut -d' ' -f1)")
  done
  o=$(printf '%s\n' "${ours[@]}" | median)
  p=$(printf '%s\n' "${peer[@]}" | median)
  echo "10k people / 50k ties ($1 GraphML): peermap analyze ${o}s, python3-igraph ${p}s, ratio $(awk -v o="$o" -v p="$p" 'BEGIN { printf "%.2f", o / p }')"
}
side_by_side unweighted
side_by_side weighted weighted

make_network 100000 500000 "$work/net100k.csv"
"$binary" convert "$work/net100k.csv" "$work/net100k.graphml"
read -r t kb < <(seconds "$binary" analyze "$work/net100k.graphml" --json)
echo "100k people / 500k ties (GraphML): peermap analyze ${t}s, peak memory $((kb / 1024)) MiB"
