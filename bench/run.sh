#!/usr/bin/env bash
# make bench: every benchmark, on a release build; the table goes to stdout and bench/results.md.
# BENCH_DOCUMENTS (registration, default 100000), BENCH_EXPORT_DOCUMENTS (export and search, default
# 1000000) and BENCH_IMPORT_ROWS (default 100000) size them.
set -euo pipefail
bin=$1
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The floor (C + libxlsxwriter) and what users would otherwise script (Python XlsxWriter).
cc -O2 -o "$work/xlsx_floor" bench/c/xlsx_floor.c $(pkg-config --cflags --libs xlsxwriter sqlite3)
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c "import xlsxwriter" 2>/dev/null || .venv/bin/pip install -q XlsxWriter

# "seconds peak-KB" of one command.
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }; cat "$work/time"; }

{
  echo "# vanthu benchmarks"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, release build, one run each. Wall-clock; the machine is noisy (±10–20 %)."
  echo
  "$bin/VanThuBench" registration "$bin/vanthu" "${BENCH_DOCUMENTS:-100000}" "${BENCH_RUNS:-30}"
  "$bin/VanThuBench" overdue "$bin/vanthu" "${BENCH_OVERDUE_DOCUMENTS:-100000}" "${BENCH_OVERDUE_RUNS:-10}"
  "$bin/VanThuBench" intake Tests/VanThuIntakeTests/Seeds "${BENCH_INTAKE_READS:-20000}"

  n=${BENCH_EXPORT_DOCUMENTS:-1000000}
  "$bin/VanThuBench" make-db "$work/export.sqlite" "$n"
  "$bin/VanThuBench" search "$work/export.sqlite" "${BENCH_SEARCH_ROUNDS:-5}"
  "$bin/VanThuBench" import "$bin/vanthu" "${BENCH_IMPORT_ROWS:-100000}"
  read -r v_s v_kb < <(measure "$bin/vanthu" export incoming-register --year 2021 --db "$work/export.sqlite" -o "$work/vanthu.xlsx")
  read -r c_s c_kb < <(measure "$work/xlsx_floor" "$work/export.sqlite" "$work/floor.xlsx")
  read -r p_s p_kb < <(measure .venv/bin/python bench/python/xlsxwriter_export.py "$work/export.sqlite" "$work/python.xlsx")
  awk -v n="$n" -v v="$v_s" -v vk="$v_kb" -v c="$c_s" -v p="$p_s" 'BEGIN {
    printf "| export a %d-document incoming register to XLSX: vanthu | within 1.2× of C | %.1f s | %.2f× C |\n", n, v, v / c
    printf "| the same cells: C + libxlsxwriter (floor) | | %.1f s | 1.00 |\n", c
    printf "| the same cells: Python XlsxWriter 3 (constant memory) | vanthu ≥ 4× faster | %.1f s | vanthu %.1f× faster |\n", p, p / v
    printf "| vanthu export peak memory | < 64 MB | %.1f MB | %.2f |\n", vk / 1024, vk / 1024 / 64
  }'
} | tee bench/results.md
