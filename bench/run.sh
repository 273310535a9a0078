#!/usr/bin/env bash
# make bench: every benchmark, on a release build; the table goes to stdout and bench/results.md.
set -euo pipefail
bin=$1
cd "$(dirname "$0")/.."
{
  echo "# vanthu benchmarks"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, release build. Wall-clock; the machine is noisy (±10–20 %)."
  echo
  "$bin/VanThuBench" registration "$bin/vanthu" "${BENCH_DOCUMENTS:-100000}" "${BENCH_RUNS:-30}"
} | tee bench/results.md
