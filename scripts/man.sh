#!/usr/bin/env bash
# Regenerates the manual pages from the command definitions: man/vanthu.1 in Vietnamese (what
# `man vanthu` shows) and man/en/vanthu.1 in English, UTF-8 (scripts/man.py). The date is fixed
# so the pages only change when the commands do.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/vanthu}
date=${MAN_DATE:-December 1, 2026}
mkdir -p man/en
python3 scripts/man.py "$bin" vi "$date" > man/vanthu.1
python3 scripts/man.py "$bin" en "$date" > man/en/vanthu.1
echo "man/vanthu.1 and man/en/vanthu.1 regenerated"
