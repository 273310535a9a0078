#!/usr/bin/env python3
"""COUNT edXML envelopes of about 100 kB each (a 75 kB attachment, zipped and base64), made from
the national sample with a distinct DocumentId and số each: what `make bench` receives.

    make-envelopes.py SAMPLE.edxml OUT_DIR COUNT
"""
import base64, io, os, random, re, sys, zipfile

sample, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out, exist_ok=True)
text = open(sample, encoding="utf-8").read()
random.seed(7)
payload = bytes(random.getrandbits(8) for _ in range(75_000))
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("van-ban.pdf", payload)
encoded = base64.b64encode(buffer.getvalue()).decode()
text = re.sub(r"(<edXML:ContentTransferEncoded[^>]*>)[^<]*(</edXML:ContentTransferEncoded>)", lambda m: m.group(1) + encoded + m.group(2), text)
for n in range(1, count + 1):
    envelope = text.replace("000.00.00.G22,2015/09/30,7816/VPCP-TTĐT", f"000.00.00.G22,2026/11/30,{n}/VPCP-TTĐT", 1)
    envelope = envelope.replace("<edXML:CodeNumber>74fass22</edXML:CodeNumber>", f"<edXML:CodeNumber>{n}</edXML:CodeNumber>")
    with open(os.path.join(out, f"{n:05d}.edxml"), "w", encoding="utf-8") as f:
        f.write(envelope)
