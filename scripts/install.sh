#!/usr/bin/env bash
# make install: the release binary (Swift runtime linked in), the manual pages and the shell
# completions under $DESTDIR$PREFIX. `scripts/install.sh uninstall` removes exactly those files.
#   PREFIX (default /usr/local), DESTDIR (default empty), BIN (the binary to install).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-/usr/local}
root=${DESTDIR:-}$prefix
files=(
  "bin/vanthu"
  "share/man/man1/vanthu.1"
  "share/man/en/man1/vanthu.1"
  "share/bash-completion/completions/vanthu"
  "share/zsh/site-functions/_vanthu"
  "share/fish/vendor_completions.d/vanthu.fish"
)
if [ "${1:-}" = uninstall ]; then
  for file in "${files[@]}"; do rm -f "$root/$file"; done
  rmdir "$root/share/man/en/man1" "$root/share/man/en" 2>/dev/null || true
  echo "vanthu removed from $root"
  exit 0
fi
bin=${BIN:?BIN names the binary to install}
install -d "$root/bin" "$root/share/man/man1" "$root/share/man/en/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$root/bin/vanthu"
# Without its symbols: a third of the size (Debian policy strips installed binaries too).
strip --strip-unneeded "$root/bin/vanthu"
install -m 0644 man/vanthu.1 "$root/share/man/man1/vanthu.1"
install -m 0644 man/en/vanthu.1 "$root/share/man/en/man1/vanthu.1"
# The completion scripts argument-parser writes, from the binary being installed.
"$bin" --generate-completion-script bash > "$root/share/bash-completion/completions/vanthu"
"$bin" --generate-completion-script zsh > "$root/share/zsh/site-functions/_vanthu"
"$bin" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/vanthu.fish"
chmod 0644 "$root/share/bash-completion/completions/vanthu" "$root/share/zsh/site-functions/_vanthu" "$root/share/fish/vendor_completions.d/vanthu.fish"
echo "vanthu installed in $root"
