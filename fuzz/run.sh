#!/usr/bin/env bash
# make fuzz: every parser of clerk input under libFuzzer for FUZZ_SECONDS each (default 60).
# A finding is saved under fuzz/findings/<target>/; copy it into fuzz/regressions/<target>/
# once fixed: `make test` replays every regression (Tests/vanthuTests/FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"dates notation mapping intake csv csvquote xlsx sheet pdfoverlay signatures document"}

# libFuzzer's own main would clash with the one SwiftPM gives every executable; lld links it right.
swift build --product VanThuFuzz --build-path .build/fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
fuzzer=.build/fuzz/debug/VanThuFuzz

seeds() {
  case $1 in
    intake) echo Tests/VanThuIntakeTests/Seeds ;;
    csv) echo samples fuzz/seeds/csv ;;
    csvquote) echo fuzz/seeds/csv fuzz/seeds/csvquote ;;
    xlsx) echo exports/demo fuzz/seeds/xlsx ;;
    *) echo "fuzz/seeds/$1" ;;
  esac
}

status=0
for target in $targets; do
  corpus=.build/fuzz-corpus/$target
  findings=fuzz/findings/$target
  mkdir -p "$corpus" "$findings"
  existing=()
  for dir in $(seeds "$target") "fuzz/regressions/$target"; do [ -d "$dir" ] && existing+=("$dir"); done
  echo "== $target: ${seconds}s"
  # Swift's own backtracer would take the crash signal before libFuzzer saves the input.
  if ! SWIFT_BACKTRACE=enable=no VANTHU_FUZZ_TARGET=$target "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
       -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "${existing[@]}" 2>"$corpus.log"; then
    echo "!! $target: a finding, saved in $findings/ (log: $corpus.log)"
    tail -30 "$corpus.log"
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$corpus.log" | sed "s/^/   /"
done
exit $status
