#!/usr/bin/env bash
# make deb: vanthu_VERSION_ARCH.deb, built with dpkg-deb from `make install` into a staging
# folder (PREFIX=/usr). Depends lists the Debian package of every shared library the binary
# needs (read from its ELF header, found with dpkg -S); a library no package owns (the Swift
# runtime of a toolchain, when it was not linked in) stops the build.
#   BIN (the binary), OUT (the folder for the .deb, default .).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:?BIN names the binary to package}
out=${OUT:-.}
version=$("$bin" --version)
arch=$(dpkg --print-architecture)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 0755 "$stage"
PREFIX=/usr DESTDIR="$stage" BIN="$bin" bash scripts/install.sh >/dev/null

depends=()
cache=$(ldconfig -p)
# The package that owns a shared library of the system.
package_of() {
  local library=$1 path real owner package
  path=$(awk -v lib="$library" '$1 == lib && /x86-64|x86_64|aarch64|AArch64/ { print $NF; exit }' <<<"$cache")
  [ -n "$path" ] || path=$(awk -v lib="$library" '$1 == lib { print $NF; exit }' <<<"$cache")
  [ -n "$path" ] || { echo "deb: $library is not a system library (is the Swift runtime linked in?)" >&2; exit 1; }
  real=$(readlink -f "$path")
  # Merged /usr: dpkg may know the file under /lib or under /usr/lib.
  owner=$( { dpkg -S "$real" || dpkg -S "${real#/usr}" || dpkg -S "$path" || true; } 2>/dev/null)
  package=$(sed -n '1s/:.*//p' <<<"$owner")
  [ -n "$package" ] || { echo "deb: no Debian package owns $library ($real)" >&2; exit 1; }
  echo "$package"
}

# The libraries the binary links, and the six it opens on first use (dlopen: writing a workbook, printing a PDF
# register or form, reading a PDF, OCR of a scan, checking an XML or PDF signature), so that they do
# not load at every start.
for library in $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p') libpangocairo-1.0.so.0 libpoppler-glib.so.8 libtesseract.so.5 libxml2.so.2 libcrypto.so.3 libxlsxwriter.so.4; do
  package=$(package_of "$library")
  case " ${depends[*]} " in *" $package "*) ;; *) depends+=("$package") ;; esac
done

# Not linked but read at run time: the PDF registers are set in Liberation Serif, and scanned
# pages are read with Tesseract's Vietnamese model.
depends+=("fonts-liberation2" "tesseract-ocr-vie")

# Debian policy: manual pages compressed, a copyright file and a changelog for the package.
gzip -9n "$stage/usr/share/man/man1/vanthu.1" "$stage/usr/share/man/en/man1/vanthu.1"
install -d "$stage/usr/share/doc/vanthu" "$stage/DEBIAN"
cat > "$stage/usr/share/doc/vanthu/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: vanthu
Files: *
Copyright: the vanthu developers
License: see the project's README
COPYRIGHT
printf 'vanthu (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- vanthu developers <vanthu@localhost>  %s\n' \
  "$version" "$version" "$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")" \
  | gzip -9n > "$stage/usr/share/doc/vanthu/changelog.Debian.gz"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: vanthu
Version: $version
Architecture: $arch
Maintainer: vanthu developers <vanthu@localhost>
Installed-Size: $size
Depends: $(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')
Section: utils
Priority: optional
Description: document registry for the văn thư of Vietnamese agencies
 Registers incoming and outgoing documents with lawful numbering (Nghị định
 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW), the ĐẾN stamp, routing and follow-up in
 working days, dispatch, hồ sơ and archive transfer, printable registers and a
 hash-chained journal, in one SQLite file. Vietnamese first, English with
 VANTHU_LANG=en.
CONTROL
mkdir -p "$out"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out/vanthu_${version}_${arch}.deb" >/dev/null
echo "$out/vanthu_${version}_${arch}.deb"
