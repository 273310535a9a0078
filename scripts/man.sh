#!/usr/bin/env bash
# Regenerates man/vanthu.1 from the command definitions (swift-argument-parser's generate-manual).
# The date is fixed so the page only changes when the commands do.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package plugin generate-manual --configuration debug --date "${MAN_DATE:-2026-11-21}" --authors "vanthu developers" >/dev/null
# The hand-written sections (limits, files and access, what the journal proves) go before EXIT STATUS.
awk -v extra=man/limits.mdoc '/^\.Sh "EXIT STATUS"/ { while ((getline line < extra) > 0) print line } { print }' \
  .build/plugins/GenerateManual/outputs/vanthu/vanthu.1 > man/vanthu.1
echo "man/vanthu.1 regenerated"
