#!/usr/bin/env bash
# Runs one libFuzzer target: replays its committed seed corpus (crashes found before included),
# then fuzzes for PEERMAP_FUZZ_SECONDS (else PEERMAP_FUZZ_DEFAULT_SECONDS, else 30), growing a
# working corpus in the build tree, never in the repository. Fails on any crash, leak, timeout or
# out-of-memory; the input that did it is left in WORK_DIR/artifacts/.
# usage: run.sh TARGET_BINARY SEED_DIR WORK_DIR MAX_LEN
set -euo pipefail
binary=${1:?usage: run.sh TARGET SEED_DIR WORK_DIR MAX_LEN}
seeds=${2:?}
work=${3:?}
max_len=${4:?}
seconds=${PEERMAP_FUZZ_SECONDS:-${PEERMAP_FUZZ_DEFAULT_SECONDS:-30}}
mkdir -p "$work/corpus" "$work/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
# -timeout: one input taking 10 s is a hang; -rss_limit_mb: the document reader alone may take
# 32 MiB texts, but max_len keeps inputs far smaller than that. -entropic=0: clang-14's entropic
# schedule spent two thirds of the document reader's time updating feature frequencies (perf);
# without it the same 15 s ran twice the inputs and reached the same coverage.
exec "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len="$max_len" -timeout=10 -entropic=0 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds"
