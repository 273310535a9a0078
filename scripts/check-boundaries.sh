#!/usr/bin/env bash
# The module boundaries, kept by CI (and `make test`): which code may talk to SQLite (GRDB),
# libxlsxwriter, the zip reader, and that the command line stays a thin front end without SQL.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0
refuse() {  # refuse PATTERN ALLOWED-PREFIX WHAT
  local hits
  hits=$(grep -rlE "$1" Sources --include='*.swift' | grep -vE "^($2)" || true)
  if [ -n "$hits" ]; then
    echo "boundary: $3 outside $2:" >&2
    echo "$hits" | sed 's/^/  /' >&2
    failed=1
  fi
}
refuse '^[[:space:]]*(@testable |public |internal |package )?import GRDB' 'Sources/VanThuCore/' 'GRDB (SQL) is imported'
refuse '^[[:space:]]*(public |internal |package )?import CXLSXWriter' 'Sources/VanThuXLSX/Workbook.swift' 'libxlsxwriter is imported'
refuse '^[[:space:]]*(public |internal |package )?import CPango' 'Sources/VanThuXLSX/PDFCanvas.swift' 'cairo and pango are imported'
refuse '^[[:space:]]*(public |internal |package )?import CPoppler' 'Sources/VanThuReaders/PDFText.swift' 'poppler is imported'
refuse '^[[:space:]]*(public |internal |package )?import CTesseract' 'Sources/VanThuReaders/OCR.swift' 'Tesseract is imported'
refuse '^[[:space:]]*(public |internal |package )?import COpenSSL' 'Sources/VanThuReaders/PDFSignatures.swift' 'OpenSSL is imported'
refuse '^[[:space:]]*(public |internal |package )?import CLibXML2' 'Sources/VanThuReaders/XMLSignature.swift' 'libxml2 is imported'
refuse '^[[:space:]]*(public |internal |package )?import CVanThuZlib' 'Sources/VanThuPDF/Inflate.swift' 'zlib is imported'
refuse '^[[:space:]]*(public |internal |package )?import (VanThuPDF)' 'Sources/(VanThuXLSX|VanThuPDF)/' 'the PDF updater is imported outside the writers'
refuse '^[[:space:]]*(public |internal |package )?import ZIPFoundation' 'Sources/VanThuReaders/|Sources/VanThuXLSX/EdXMLWriter.swift' 'ZIPFoundation (zip reading; writing an edXML attachment) is imported'
refuse '^[[:space:]]*(public |internal |package )?import (VanThuReaders)' 'Sources/(vanthu|VanThuReaders|VanThuOffice)/' 'the readers are imported by a writer, the core or the web front'
refuse '^[[:space:]]*(public |internal |package )?import (VanThuXLSX)' 'Sources/(vanthu|VanThuXLSX|VanThuOffice)/' 'the XLSX writer is imported by a reader, the core or the web front'
refuse '^[[:space:]]*(public |internal |package )?import (Hummingbird|HummingbirdCore|HummingbirdRouter|Mustache|MultipartKit|NIOCore|HTTPTypes)\b' 'Sources/VanThuWeb/' 'the web server (Hummingbird, Mustache, MultipartKit) is imported'
refuse '^[[:space:]]*(public |internal |package )?import (VanThuWeb)' 'Sources/(vanthu|VanThuWeb)/' 'the web front is imported by a library'
refuse '"(SELECT|INSERT|UPDATE|DELETE) ' 'Sources/VanThuCore/' 'SQL text is written'
[ $failed = 0 ] && echo "boundaries: GRDB and SQL only in VanThuCore, libxlsxwriter only in VanThuXLSX/Workbook.swift, cairo/pango only in VanThuXLSX/PDFCanvas.swift, poppler, Tesseract, OpenSSL and libxml2 each in one file of VanThuReaders, zlib in VanThuPDF/Inflate.swift (the PDF updater used by the writers only), zip only in VanThuReaders (and the edXML writer's attachments); readers and writers apart, used by the front ends through VanThuOffice; Hummingbird only in VanThuWeb"
exit $failed
