#!/usr/bin/env python3
"""Signs an edXML envelope with XMLDSig (enveloped, over the whole envelope) as a hub would,
with signxml and a fresh self-signed RSA certificate: the independent signer of vanthu's tests.

    sign-edxml.py IN OUT [rsa-sha256|rsa-sha1] [exc|incl] [CERTIFICATE.pem]

The certificate is written to CERTIFICATE.pem when given (for `vanthu trust add`).
Any existing Signature is removed first. Prints nothing; exits non-zero on failure.
"""
import datetime
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml import CanonicalizationMethod, DigestAlgorithm, SignatureMethod, XMLSigner

source, target = sys.argv[1], sys.argv[2]
method = sys.argv[3] if len(sys.argv) > 3 else "rsa-sha256"
c14n = sys.argv[4] if len(sys.argv) > 4 else "exc"

key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Văn thư Sở Nội vụ (kiểm thử)")])
now = datetime.datetime.now(datetime.timezone.utc)
certificate = (
    x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
    .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
    .not_valid_after(now + datetime.timedelta(days=365)).sign(key, hashes.SHA256())
)
root = etree.parse(source, etree.XMLParser(remove_blank_text=False, resolve_entities=False, no_network=True)).getroot()
for old in [e for e in root.iter() if isinstance(e.tag, str) and etree.QName(e).localname == "Signature"]:
    old.getparent().remove(old)
class Signer(XMLSigner):
    def check_deprecated_methods(self):
        # The exchange still signs with SHA-1; signxml refuses it by default.
        if method == "rsa-sha256":
            super().check_deprecated_methods()


signer = Signer(
    signature_algorithm=SignatureMethod.RSA_SHA256 if method == "rsa-sha256" else SignatureMethod.RSA_SHA1,
    digest_algorithm=DigestAlgorithm.SHA256 if method == "rsa-sha256" else DigestAlgorithm.SHA1,
    c14n_algorithm=CanonicalizationMethod.EXCLUSIVE_XML_CANONICALIZATION_1_0 if c14n == "exc"
    else CanonicalizationMethod.CANONICAL_XML_1_0,
)
signed = signer.sign(root, key=key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
                     cert=certificate.public_bytes(serialization.Encoding.PEM))
if len(sys.argv) > 5:
    with open(sys.argv[5], "wb") as out:
        out.write(certificate.public_bytes(serialization.Encoding.PEM))
with open(target, "wb") as out:
    out.write(etree.tostring(signed, xml_declaration=True, encoding="UTF-8"))
