#!/usr/bin/env bash
# The case record (issue 12) of a 200-person map (bench/map200.py) as a whole `peermap export`
# process, and its editable PowerPoint (`export -o X.pptx`), each target <= 1 s, side by side
# with `peermap render` of the same map to a one-page PDF (the map page alone) in the same run. Uses farm-bench (median of runs, A/B paired) when it is
# installed, else the median of five runs timed here.
#
#   bench/record_bench.sh [BUILD_DIR]     (default build/release)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build/release}
peermap="$build/peermap"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/map200.py" "$root/examples/thematic.json" "$work/map200.json" 200
"$peermap" export "$work/map200.json" -o "$work/record.pdf"
echo "record of 200 people: $(pdfinfo "$work/record.pdf" | awk '/^Pages:/ {print $2}') pages," \
  "$(stat -c %s "$work/record.pdf") bytes"
if command -v farm-bench >/dev/null; then
  farm-bench -n 7 --warmup 1 --vs "$peermap render $work/map200.json -o $work/map.pdf" -- \
    "$peermap" export "$work/map200.json" -o "$work/record.pdf"
  farm-bench -n 7 --warmup 1 --vs "$peermap render $work/map200.json -o $work/map.pdf" -- \
    "$peermap" export "$work/map200.json" -o "$work/record.pptx"
else
  python3 - "$peermap" "$work" <<'PY'
import statistics, subprocess, sys, time
peermap, work = sys.argv[1], sys.argv[2]
def median(args):
    runs = []
    for _ in range(5):
        start = time.monotonic()
        subprocess.run(args, check=True)
        runs.append(time.monotonic() - start)
    return statistics.median(runs)
record = median([peermap, "export", f"{work}/map200.json", "-o", f"{work}/record.pdf"])
pptx = median([peermap, "export", f"{work}/map200.json", "-o", f"{work}/record.pptx"])
render = median([peermap, "render", f"{work}/map200.json", "-o", f"{work}/map.pdf"])
print(f"peermap export (record): {record * 1000:.0f} ms (target <= 1000 ms)")
print(f"peermap export (PowerPoint): {pptx * 1000:.0f} ms (target <= 1000 ms); ratio "
      f"{pptx / render:.2f}")
print(f"peermap render (map PDF): {render * 1000:.0f} ms; ratio {record / render:.2f}")
PY
fi
