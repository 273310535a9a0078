#!/usr/bin/env bash
# Regenerates man/vanthu.1 from the command definitions (swift-argument-parser's generate-manual).
# The date is fixed so the page only changes when the commands do.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package plugin generate-manual --configuration debug --date "${MAN_DATE:-2026-11-21}" --authors "vanthu developers" >/dev/null
cp .build/plugins/GenerateManual/outputs/vanthu/vanthu.1 man/vanthu.1
echo "man/vanthu.1 regenerated"
