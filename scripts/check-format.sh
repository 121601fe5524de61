#!/usr/bin/env bash
# Fails (exit 1) when a tracked C++ file under src/, tests/, bench/ or fuzz/ differs from what
# clang-format makes of it with the repository's .clang-format, and lists those files with the
# command that formats them.
#
#   scripts/check-format.sh             # every tracked .cpp/.hpp under src/ tests/ bench/ fuzz/
#   scripts/check-format.sh FILE...     # just these files
#
# CLANG_FORMAT names the binary (default: clang-format, Debian 12's clang-format 14; another
# version may format some lines differently).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "check-format: $clang_format is not installed (apt-get install clang-format)" >&2
  exit 2
fi

if (($# > 0)); then
  files=("$@")
else
  mapfile -t files < <(git ls-files -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' \
    'bench/*.cpp' 'bench/*.hpp' 'fuzz/*.cpp' 'fuzz/*.hpp')
fi

unformatted=()
for file in "${files[@]}"; do
  if ! "$clang_format" --dry-run --Werror "$file" >/dev/null 2>&1; then unformatted+=("$file"); fi
done

if ((${#unformatted[@]} == 0)); then
  echo "check-format: ${#files[@]} files formatted as .clang-format says"
  exit 0
fi
{
  echo "check-format: ${#unformatted[@]} of ${#files[@]} files differ from clang-format's output:"
  printf '  %s\n' "${unformatted[@]}"
  echo "Fix: $clang_format -i ${unformatted[*]}"
  echo "     (or make format; see a file's changes with: $clang_format FILE | diff FILE -)"
} >&2
exit 1
