#!/usr/bin/env bash
# make demo: validates and renders every example map into out/ and prints the paths.
set -euo pipefail
binary=${1:-build/release/peermap}
mkdir -p out
for example in examples/*.json; do
  name=$(basename "$example" .json)
  "$binary" validate "$example" >/dev/null
  for format in svg png pdf; do
    "$binary" render "$example" -o "out/$name.$format"
  done
  echo "rendered $example -> out/$name.{svg,png,pdf}"
done
# The ecomap example is also drawn as the child's ecomap (guidance Appendix 1).
"$binary" render examples/ecomap-child.json --ecomap p1 -o out/ecomap-child-ecomap.png
"$binary" render examples/peer-group.json --redact -o out/peer-group-redacted.png
echo "rendered out/ecomap-child-ecomap.png and out/peer-group-redacted.png"
ls -1 "$PWD"/out/*
