#!/usr/bin/env bash
# scripts/check-format.sh, the gate `make test` runs first, passes a file formatted as the
# repository's .clang-format says and refuses (exit 1, naming the file) one that is not.
# Usage: check_format_test.sh SOURCE_DIR WORK_DIR (WORK_DIR inside the source tree, so
# clang-format finds the repository's .clang-format).
set -euo pipefail
source_dir=$1
work=$2/check-format-test
rm -rf "$work" && mkdir -p "$work"
cat > "$work/formatted.cpp" <<'CPP'
int twice(int n) { return 2 * n; }
CPP
printf 'int   twice( int n ){\nreturn 2*n;}\n' > "$work/misformatted.cpp"

"$source_dir/scripts/check-format.sh" "$work/formatted.cpp" > /dev/null
if "$source_dir/scripts/check-format.sh" "$work/misformatted.cpp" 2> "$work/out.txt"; then
  echo "FAIL: a misformatted file passed the check" >&2
  exit 1
fi
grep -q "misformatted.cpp" "$work/out.txt" || { echo "FAIL: the refusal does not name the file" >&2; exit 1; }
echo "check-format: passes the formatted file, refuses the misformatted one"
