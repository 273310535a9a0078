#!/usr/bin/env python3
"""The electronic documents the tests read, made here (nothing is downloaded).

    make-document-fixtures.py OUT_DIR [--no-scan] [--no-sign]

For each document below it writes, into OUT_DIR:
  NAME.txt   the text a clerk would copy from it (left header column, then the right one);
  NAME.pdf   an A4 page laid out like the real thing (reportlab, Liberation Serif), the header
             as two columns: issuer and số on the left, Quốc hiệu and place/date on the right;
  NAME.docx  the same in Word (python-docx), the header as a two-column borderless table;
  NAME-scan.pdf  the PDF's pages rendered at 200 dpi (pdftoppm) and wrapped as an image-only
             PDF (img2pdf): a scan, with no text layer.
and, for signatures (pyHanko, a CA made here with `cryptography`):
  ca.pem, other-ca.pem   a root the tests trust, and one they do not;
  signed.pdf             cong-van.pdf signed by “Nguyễn Văn An”, SỞ NỘI VỤ TỈNH KON TUM;
  signed-tampered.pdf    the same with one byte of the signed text changed;
  signed-extended.pdf    the same with a revision appended after signing (an incremental update);
  signed-other.pdf       signed by a certificate from the untrusted CA;
  encrypted.pdf          cong-van.pdf with a user password.
and the hostile or odd files intake must refuse or survive:
  object-streams.pdf     quyet-dinh.pdf rewritten by pikepdf with object streams and a
                         compressed cross-reference stream (as many office suites write);
  zero-pages.pdf, many-pages.pdf (2,500 pages), deep.pdf (arrays nested 100,000 deep);
  xxe.docx               a Word file whose XML declares an external entity on /etc/hostname;
  bomb.docx              a Word file whose document.xml declares 4 GB.
"""
import datetime
import os
import subprocess
import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = "/usr/share/fonts/truetype/liberation2"

DOCUMENTS = {
    "cong-van": {
        "left": ["UBND TỈNH KON TUM", "SỞ NỘI VỤ", "", "Số: 215/SNV-VP", "V/v tổ chức tập huấn công tác", "văn thư, lưu trữ năm 2026"],
        "left_bold": [1],
        "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Kon Tum, ngày 12 tháng 3 năm 2026"],
        "title": [],
        "body": [
            "Kính gửi: Các sở, ban, ngành thuộc tỉnh.",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;",
            "Sở Nội vụ tổ chức tập huấn nghiệp vụ văn thư, lưu trữ cho công chức làm công tác văn thư",
            "của các cơ quan, đơn vị trên địa bàn tỉnh vào ngày 25 tháng 3 năm 2026.",
            "Đề nghị các cơ quan, đơn vị cử người tham dự đầy đủ./.",
        ],
        "to": ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."],
        "sign": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Trần Thị Bình"],
    },
    "quyet-dinh": {
        "left": ["UBND TỈNH KON TUM", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "", "Số: 48/QĐ-STTTT"],
        "left_bold": [1],
        "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Kon Tum, ngày 20 tháng 4 năm 2026"],
        "title": ["QUYẾT ĐỊNH", "Về việc ban hành Quy chế quản lý văn bản điện tử", "của Sở Thông tin và Truyền thông"],
        "body": [
            "GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý văn bản điện tử.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
        ],
        "to": ["Nơi nhận:", "- Như Điều 2;", "- Lưu: VT."],
        "sign": ["GIÁM ĐỐC", "", "", "Lê Văn Cường"],
    },
    "bao-cao-dang": {
        "left": ["TỈNH ỦY KON TUM", "*", "Số 12-BC/TU"],
        "left_bold": [0],
        "right": ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Kon Tum, ngày 29 tháng 10 năm 2020"],
        "title": [
            "BÁO CÁO",
            "tổng kết 10 năm thực hiện Quy chế cung cấp thông tin",
            "phục vụ công tác tuyên truyền miệng của Đảng",
        ],
        "body": [
            "Thực hiện Kế hoạch số 432-KH/BTGTW, ngày 01-10-2020 của Ban Tuyên giáo Trung ương,",
            "Ban Thường vụ Tỉnh ủy Kon Tum báo cáo kết quả 10 năm thực hiện Quy chế 340 như sau:",
            "I. Kết quả thực hiện Quy chế 340",
        ],
        "to": ["Nơi nhận:", "- Ban Tuyên giáo Trung ương,", "- Lưu Văn phòng Tỉnh ủy."],
        "sign": ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "", "Nguyễn Văn Hòa"],
    },
}


def text_of(doc):
    """The document as copied text: the left header column, then the right one, then the rest."""
    lines = [line for line in doc["left"]] + [""] + [line for line in doc["right"]] + [""]
    lines += doc["title"] + [""] + doc["body"] + [""] + doc["to"] + [""] + doc["sign"]
    return "\n".join(lines) + "\n"


def register_fonts():
    pdfmetrics.registerFont(TTFont("Serif", f"{FONTS}/LiberationSerif-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("Serif-Bold", f"{FONTS}/LiberationSerif-Bold.ttf"))


def write_pdf(doc, path, pages=1):
    c = canvas.Canvas(path, pagesize=A4)
    width, height = A4
    for page in range(pages):
        left_x, right_x, top = 20 * mm + 35 * mm, width - 15 * mm - 55 * mm, height - 20 * mm
        y = top
        for i, line in enumerate(doc["left"]):
            c.setFont("Serif-Bold" if i in doc.get("left_bold", []) else "Serif", 12 if i < 2 else 13)
            c.drawCentredString(left_x, y, line)
            y -= 15
        y = top
        for i, line in enumerate(doc["right"]):
            c.setFont("Serif-Bold", 12 if i == 0 else 13)
            c.drawCentredString(right_x, y, line)
            y -= 15
        y = top - 15 * max(len(doc["left"]), len(doc["right"])) - 20
        for i, line in enumerate(doc["title"]):
            c.setFont("Serif-Bold", 14)
            c.drawCentredString(width / 2, y, line)
            y -= 18
        y -= 10
        c.setFont("Serif", 13)
        for line in doc["body"]:
            c.drawString(30 * mm, y, line)
            y -= 18
        if page + 1 < pages:
            for n in range(30):
                c.drawString(30 * mm, y, f"Nội dung trang {page + 1}, dòng {n + 1}: công tác văn thư, lưu trữ của cơ quan.")
                y -= 16
                if y < 30 * mm:
                    break
            c.showPage()
            continue
        y -= 20
        block = y
        c.setFont("Serif", 11)
        for line in doc["to"]:
            c.drawString(30 * mm, y, line)
            y -= 14
        y = block
        c.setFont("Serif-Bold", 13)
        for line in doc["sign"]:
            c.drawCentredString(width - 55 * mm, y, line)
            y -= 16
        c.showPage()
    c.save()


def write_docx(doc, path):
    import docx
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = doc["left"][0]
    for line in doc["left"][1:]:
        left.add_paragraph(line)
    right.paragraphs[0].text = doc["right"][0]
    for line in doc["right"][1:]:
        right.add_paragraph(line)
    for line in doc["title"]:
        d.add_paragraph(line)
    for line in doc["body"]:
        d.add_paragraph(line)
    sign = d.add_table(rows=1, cols=2)
    to, signer = sign.rows[0].cells
    to.paragraphs[0].text = doc["to"][0]
    for line in doc["to"][1:]:
        to.add_paragraph(line)
    signer.paragraphs[0].text = doc["sign"][0]
    for line in doc["sign"][1:]:
        signer.add_paragraph(line)
    d.save(path)


def write_scan(pdf, path, out):
    import img2pdf

    stem = os.path.join(out, ".scan-" + os.path.basename(pdf)[:-4])
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", pdf, stem], check=True)
    images = sorted(p for p in (os.path.join(out, f) for f in os.listdir(out)) if p.startswith(stem))
    with open(path, "wb") as f:
        f.write(img2pdf.convert(images, layout_fun=img2pdf.get_fixed_dpi_layout_fun((200, 200))))
    for image in images:
        os.remove(image)


def make_ca(name):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_signer(ca_key, ca_cert, common_name, organization):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=730))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def pem(cert):
    from cryptography.hazmat.primitives import serialization

    return cert.public_bytes(serialization.Encoding.PEM)


def sign_pdf(source, target, key, cert, ca_cert, name):
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder_data
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    from asn1crypto import x509 as asn1x509, keys as asn1keys

    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    signer = signers.SimpleSigner(
        signing_cert=asn1x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([asn1x509.Certificate.load(ca_cert.public_bytes(serialization.Encoding.DER))]),
    )
    with open(source, "rb") as inf:
        writer = IncrementalPdfFileWriter(inf)
        meta = signers.PdfSignatureMetadata(field_name="Signature1", name=name, location="Kon Tum")
        with open(target, "wb") as outf:
            signers.sign_pdf(writer, meta, signer=signer, output=outf)


def minimal_pdf(objects):
    """A PDF from object bodies (object 1 is the catalogue), with a correct cross-reference."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_hostile(out):
    import zipfile

    import pikepdf

    with pikepdf.open(os.path.join(out, "quyet-dinh.pdf")) as pdf:
        pdf.save(os.path.join(out, "object-streams.pdf"), object_stream_mode=pikepdf.ObjectStreamMode.generate)
    open(os.path.join(out, "zero-pages.pdf"), "wb").write(
        minimal_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    )
    pages = 2500
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    open(os.path.join(out, "many-pages.pdf"), "wb").write(minimal_pdf(objects))
    deep = b"[" * 100000 + b"]" * 100000
    open(os.path.join(out, "deep.pdf"), "wb").write(
        minimal_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep " + deep + b" >>",
            ]
        )
    )
    with zipfile.ZipFile(os.path.join(out, "cong-van.docx")) as source, zipfile.ZipFile(os.path.join(out, "xxe.docx"), "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = text.replace("?>", '?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>', 1)
                text = text.replace("Kính gửi", "&secret; Kính gửi", 1)
                data = text.encode("utf-8")
            target.writestr(item, data)
    # A member that declares 4 GB: its local and central headers say so, its data is tiny.
    bomb = bytearray(open(os.path.join(out, "cong-van.docx"), "rb").read())
    name = b"word/document.xml"
    at = 0
    while True:
        at = bomb.find(name, at + 1)
        if at < 0:
            break
        if bomb[at - 30 : at - 26] == b"PK\x03\x04":
            bomb[at - 8 : at - 4] = (0xFFFFFFF0).to_bytes(4, "little")
        if bomb[at - 46 : at - 42] == b"PK\x01\x02":
            bomb[at - 22 : at - 18] = (0xFFFFFFF0).to_bytes(4, "little")
    open(os.path.join(out, "bomb.docx"), "wb").write(bytes(bomb))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    register_fonts()
    for name, doc in DOCUMENTS.items():
        with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text_of(doc))
        write_pdf(doc, os.path.join(out, name + ".pdf"))
        write_docx(doc, os.path.join(out, name + ".docx"))
        if "--no-scan" not in sys.argv:
            write_scan(os.path.join(out, name + ".pdf"), os.path.join(out, name + "-scan.pdf"), out)
    write_pdf(DOCUMENTS["cong-van"], os.path.join(out, "ten-pages.pdf"), pages=10)
    write_hostile(out)
    if "--no-sign" in sys.argv:
        return
    ca_key, ca_cert = make_ca("Root CA kiểm thử vanthu")
    other_key, other_cert = make_ca("CA không tin cậy")
    with open(os.path.join(out, "ca.pem"), "wb") as f:
        f.write(pem(ca_cert))
    with open(os.path.join(out, "other-ca.pem"), "wb") as f:
        f.write(pem(other_cert))
    key, cert = make_signer(ca_key, ca_cert, "Nguyễn Văn An", "SỞ NỘI VỤ TỈNH KON TUM")
    source = os.path.join(out, "cong-van.pdf")
    signed = os.path.join(out, "signed.pdf")
    sign_pdf(source, signed, key, cert, ca_cert, "Nguyễn Văn An")
    data = bytearray(open(signed, "rb").read())
    # One byte of the signed page text changed: a digit inside the first content stream is
    # compressed, so change a byte of the document catalogue's first object instead.
    at = data.index(b"ReportLab")
    data[at] = ord("r")
    open(os.path.join(out, "signed-tampered.pdf"), "wb").write(bytes(data))
    # A later revision: an incremental update that redefines the Info dictionary.
    original = open(signed, "rb").read()
    startxref = int(original.rsplit(b"startxref", 1)[1].split()[0])
    extended = original + b"\n99 0 obj\n<< /Producer (changed later) >>\nendobj\n"
    offset = len(original) + 1
    size = int(original.rsplit(b"/Size", 1)[1].split()[0])
    xref = len(extended)
    extended += b"xref\n99 1\n%010d 00000 n \ntrailer\n<< /Size %d /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (offset, max(size, 100), startxref, xref)
    open(os.path.join(out, "signed-extended.pdf"), "wb").write(extended)
    other_signer_key, other_signer = make_signer(other_key, other_cert, "Người Lạ", "CƠ QUAN KHÁC")
    sign_pdf(source, os.path.join(out, "signed-other.pdf"), other_signer_key, other_signer, other_cert, "Người Lạ")
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.crypt import StandardSecurityHandler

    with open(source, "rb") as inf:
        writer = IncrementalPdfFileWriter(inf)
        writer.encrypt  # noqa: B018 (pyHanko writes encryption on a fresh writer only)
    from pyhanko.pdf_utils.writer import copy_into_new_writer
    from pyhanko.pdf_utils.reader import PdfFileReader

    with open(source, "rb") as inf:
        w = copy_into_new_writer(PdfFileReader(inf))
        w.security_handler = StandardSecurityHandler.build_from_pw("mat-khau", "mat-khau")
        w._assign_security_handler(w.security_handler)
        with open(os.path.join(out, "encrypted.pdf"), "wb") as f:
            w.write(f)


if __name__ == "__main__":
    main()
