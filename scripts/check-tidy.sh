#!/usr/bin/env bash
# Runs clang-tidy (the checks of the repository's .clang-tidy) over every src/ .cpp file in
# BUILD_DIR's compile_commands.json, two files at a time, and fails (exit 1) on any finding,
# naming the file, the line and the check. Files generated into the build directory (the OpenAPI
# text, openapi.cpp) are skipped; headers under src/ are checked through the files that include
# them (HeaderFilterRegex).
#
#   scripts/check-tidy.sh build/release               # every src/ .cpp file
#   scripts/check-tidy.sh build/release src/x/y.cpp   # just these
#
# CLANG_TIDY names the binary (default clang-tidy-14, Debian 12's, else clang-tidy);
# TIDY_JOBS the number of files checked at once (default 2).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if (($# < 1)); then
  echo "usage: scripts/check-tidy.sh BUILD_DIR [FILE...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
shift
database=$build/compile_commands.json
if [[ ! -f $database ]]; then
  echo "check-tidy: $database is missing; configure with cmake -S . -B $1 (the project exports compile commands)" >&2
  exit 2
fi
if [[ -n ${CLANG_TIDY:-} ]]; then
  tidy=$CLANG_TIDY
elif command -v clang-tidy-14 >/dev/null 2>&1; then
  tidy=clang-tidy-14
else
  tidy=clang-tidy
fi
if ! command -v "$tidy" >/dev/null 2>&1; then
  echo "check-tidy: $tidy is not installed (apt-get install clang-tidy)" >&2
  exit 2
fi
jobs=${TIDY_JOBS:-2}

# The files: those named, else every src/ .cpp file the build compiles (not the generated ones).
if (($# > 0)); then
  files=()
  for file in "$@"; do files+=("$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"); done
else
  mapfile -t files < <(python3 - "$database" "$root/src/" <<'PY'
import json, sys
entries = json.load(open(sys.argv[1]))
print("\n".join(sorted({e["file"] for e in entries if e["file"].startswith(sys.argv[2])
                        and e["file"].endswith(".cpp")})))
PY
  )
fi
if ((${#files[@]} == 0)); then
  echo "check-tidy: no src/ .cpp file in $database" >&2
  exit 2
fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# g++'s warning flags in the compile commands (-Wno-restrict) are unknown to clang: not a finding.
printf '%s\0' "${files[@]}" | xargs -0 -P "$jobs" -I{} sh -c \
  '"$1" -p "$2" --quiet --extra-arg=-Wno-unknown-warning-option "$3" >"$4/$(echo "$3" | tr / _).log" 2>&1 || true' \
  sh "$tidy" "$build" {} "$logs"

# One line a finding (a header's finding is reported by every file that includes it: once).
findings=$(cat "$logs"/*.log | grep -E '^/.*:[0-9]+:[0-9]+: (warning|error): .*\[[^]]+\]$' |
  sed -e "s|^$build/module-include/[a-z_]*/|src/|" -e "s|^$root/||" -e 's/,-warnings-as-errors\]$/]/' |
  sort -u || true)
if [[ -z $findings ]]; then
  echo "check-tidy: ${#files[@]} files, no finding ($tidy, .clang-tidy)"
  exit 0
fi
count=$(grep -c . <<<"$findings")
{
  echo "check-tidy: $count findings in ${#files[@]} files ($tidy, .clang-tidy):"
  sed 's/^/  /' <<<"$findings"
  echo "By check:"
  grep -oE '\[[^]]+\]$' <<<"$findings" | tr -d '[]' | sort | uniq -c | sort -rn | sed 's/^/  /'
  echo "Fix the code, then re-run for one file: scripts/check-tidy.sh ${build#"$root"/} FILE"
  echo "  ($tidy -p ${build#"$root"/} --fix FILE applies the fixes a check offers; where a check is"
  echo "   wrong about a line, end it with // NOLINT(check-name) and say why)"
} >&2
exit 1
