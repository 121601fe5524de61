#!/usr/bin/env bash
# scripts/check-tidy.sh, the clang-tidy gate of `make test`, passes a file the repository's
# .clang-tidy finds nothing in and refuses (exit 1, naming the file, the line and the check) one
# with a finding. The two files get a compile_commands.json of their own.
# Usage: check_tidy_test.sh SOURCE_DIR WORK_DIR (WORK_DIR inside the source tree, so clang-tidy
# finds the repository's .clang-tidy).
set -euo pipefail
source_dir=$1
work=$2/check-tidy-test
rm -rf "$work" && mkdir -p "$work"
cat > "$work/clean.cpp" <<'CPP'
#include <string>

std::string twice(const std::string& text) { return text + text; }
CPP
cat > "$work/finding.cpp" <<'CPP'
#include <string>

using namespace std;

string twice(const string& text) { return text + text; }
CPP
printf '[%s,%s]\n' \
  "{\"directory\":\"$work\",\"file\":\"$work/clean.cpp\",\"command\":\"c++ -std=c++20 -c $work/clean.cpp\"}" \
  "{\"directory\":\"$work\",\"file\":\"$work/finding.cpp\",\"command\":\"c++ -std=c++20 -c $work/finding.cpp\"}" \
  > "$work/compile_commands.json"

"$source_dir/scripts/check-tidy.sh" "$work" "$work/clean.cpp" > /dev/null
if "$source_dir/scripts/check-tidy.sh" "$work" "$work/finding.cpp" 2> "$work/out.txt"; then
  echo "FAIL: a file with a clang-tidy finding passed the check" >&2
  exit 1
fi
grep -q "finding.cpp:3:1: .*\[google-build-using-namespace\]" "$work/out.txt" ||
  { echo "FAIL: the refusal does not name the file, line and check:" >&2; cat "$work/out.txt" >&2; exit 1; }
echo "check-tidy: passes the clean file, refuses the one with a finding"
