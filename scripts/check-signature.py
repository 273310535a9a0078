#!/usr/bin/env python3
"""pyHanko's verdict on every signature of a PDF, as JSON lines: the independent checker the
tests hold vanthu's own check (and its stamped copies) against.

    check-signature.py FILE.pdf ROOT.pem
"""
import json
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def main():
    path, root = sys.argv[1], sys.argv[2]
    context = ValidationContext(trust_roots=[load_cert_from_pemder(root)])
    with open(path, "rb") as f:
        reader = PdfFileReader(f)
        for signature in reader.embedded_signatures:
            status = validate_pdf_signature(signature, context)
            print(
                json.dumps(
                    {
                        "intact": status.intact,
                        "valid": status.valid,
                        "trusted": status.trusted,
                        "coverage": status.coverage.name,
                        "signer": status.signing_cert.subject.native.get("common_name"),
                    }
                )
            )


if __name__ == "__main__":
    main()
