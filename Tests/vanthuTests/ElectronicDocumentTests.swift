import Foundation
import Testing
import VanThuTestSupport

/// Electronic documents through the real binary: PDFs (text layer, scans read by OCR, signed
/// ones), Word files, the stamped copy. The files are made by scripts/make-document-fixtures.py
/// (reportlab, python-docx, img2pdf, pyHanko, pikepdf in the test virtualenv), once per run;
/// pyHanko, pdfsig and pdftotext are the independent checkers.
private let documentPython: String? = ProcessInfo.processInfo.environment["VANTHU_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }

@Suite(
    .enabled(
        if: documentPython != nil,
        "VANTHU_PYTHON with reportlab, python-docx, img2pdf, pyhanko and pikepdf is not set (make test sets it)"))
struct ElectronicDocumentTests {
    static let python = documentPython

    /// The fixtures folder, made on first use.
    static let fixtures: URL? = {
        guard let python else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-documents-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        let made = try? Process.output(python, [CLI.root.appendingPathComponent("scripts/make-document-fixtures.py").path, folder.path])
        return made == nil ? nil : folder
    }()

    func fixture(_ name: String) throws -> String {
        try #require(Self.fixtures, "the document fixtures could not be made").appendingPathComponent(name).path
    }

    /// Intake's JSON for a file, without the keys only a file has.
    func fields(_ cli: CLI, _ path: String) throws -> [String: Any] {
        var json = try #require(try cli.json(["intake", path]) as? [String: Any])
        for key in ["format", "pages", "ocrPages", "unreadPages", "signatures"] { json.removeValue(forKey: key) }
        return json
    }

    func same(_ a: [String: Any], _ b: [String: Any]) throws -> Bool {
        let options: JSONSerialization.WritingOptions = [.sortedKeys]
        return try JSONSerialization.data(withJSONObject: a, options: options) == JSONSerialization.data(withJSONObject: b, options: options)
    }

    @Test(arguments: ["cong-van", "quyet-dinh", "bao-cao-dang"])
    func aPDFAndAWordFileGiveTheFieldsOfTheirText(name: String) throws {
        let cli = try CLI(today: "2026-12-31")
        let text = try fields(cli, try fixture("\(name).txt"))
        #expect(text["fullNotation"] is String && text["organName"] is String, "the text itself is read: \(text)")
        #expect(try same(try fields(cli, try fixture("\(name).pdf")), text), "PDF \(name)")
        #expect(try same(try fields(cli, try fixture("\(name).docx")), text), "DOCX \(name)")
        let pdf = try #require(try cli.json(["intake", try fixture("\(name).pdf")]) as? [String: Any])
        #expect(pdf["format"] as? String == "pdf" && pdf["pages"] as? Int == 1 && (pdf["ocrPages"] as? [Int]) == [])
    }

    @Test(arguments: ["cong-van", "quyet-dinh", "bao-cao-dang"])
    func aScanIsReadByOCR(name: String) throws {
        let cli = try CLI(today: "2026-12-31")
        let text = try fields(cli, try fixture("\(name).txt"))
        let scan = try #require(try cli.json(["intake", try fixture("\(name)-scan.pdf")]) as? [String: Any])
        #expect(scan["ocrPages"] as? [Int] == [1], "the scan has no text layer: page 1 is OCR'd")
        for key in ["fullNotation", "issuedDate", "organName", "typeName", "place"] {
            #expect(scan[key] as? String == text[key] as? String, "\(name) \(key): \(String(describing: scan[key]))")
        }
        let lines = try cli.ok(["intake", try fixture("\(name)-scan.pdf")])
        #expect(lines.contains("Trang đọc bằng OCR (ảnh quét): 1"))
    }

    @Test func signaturesAreCheckedAgainstTheAgencysRoots() throws {
        let cli = try CLI(today: "2026-12-31")
        try cli.initState()
        func signatures(_ name: String) throws -> [[String: Any]] {
            let json = try #require(try cli.json(["intake", try fixture(name)]) as? [String: Any])
            return try #require(json["signatures"] as? [[String: Any]])
        }
        // No root trusted yet: valid, but not trusted.
        var signed = try signatures("signed.pdf")
        #expect(signed.count == 1 && signed[0]["intact"] as? Bool == true && signed[0]["valid"] as? Bool == true)
        #expect(signed[0]["trusted"] as? Bool == false)
        #expect(try cli.ok(["intake", try fixture("signed.pdf")]).contains("Chữ ký không thuộc cơ quan tin cậy"))

        #expect(try cli.ok(["trust", "add", try fixture("ca.pem")]).contains("Đã tin cậy"))
        #expect(try cli.ok(["trust", "list"]).contains("Root CA kiểm thử vanthu"))
        signed = try signatures("signed.pdf")
        #expect(signed[0]["signer"] as? String == "Nguyễn Văn An")
        #expect(signed[0]["organization"] as? String == "SỞ NỘI VỤ TỈNH KON TUM")
        #expect(signed[0]["trusted"] as? Bool == true && signed[0]["coversWholeDocument"] as? Bool == true)
        #expect((signed[0]["signedAt"] as? String)?.hasSuffix("Z") == true)
        #expect(try cli.ok(["intake", try fixture("signed.pdf")]).contains("Chữ ký hợp lệ — Nguyễn Văn An"))

        let tampered = try signatures("signed-tampered.pdf")
        #expect(tampered[0]["intact"] as? Bool == false, "one byte changed in the signed range")
        #expect(try cli.ok(["intake", try fixture("signed-tampered.pdf")]).contains("Tài liệu đã bị sửa sau khi ký"))
        let extended = try signatures("signed-extended.pdf")
        #expect(extended[0]["intact"] as? Bool == true && extended[0]["coversWholeDocument"] as? Bool == false)
        let other = try signatures("signed-other.pdf")
        #expect(other[0]["valid"] as? Bool == true && other[0]["trusted"] as? Bool == false)
        #expect(try signatures("cong-van.pdf").isEmpty)
        #expect(try cli.ok(["intake", try fixture("cong-van.pdf")]).contains("Chưa ký số"))

        // poppler's pdfsig, an independent checker, agrees on the signed and the tampered file.
        let pdfsig = try cli.run([try fixture("signed.pdf")], executable: "/usr/bin/pdfsig")
        #expect(pdfsig.stdout.contains("Signature is Valid"))
        #expect(!(try cli.run([try fixture("signed-tampered.pdf")], executable: "/usr/bin/pdfsig")).stdout.contains("Signature is Valid"))

        let fingerprint = try #require((try cli.json(["trust", "list"]) as? [[String: Any]])?.first?["sha256"] as? String)
        #expect(try cli.ok(["trust", "remove", String(fingerprint.prefix(12))]).contains("Đã thôi tin cậy"))
        #expect(try signatures("signed.pdf")[0]["trusted"] as? Bool == false)
        let journal = try cli.ok(["journal"])
        #expect(journal.contains("trust-add") && journal.contains("trust-remove"))
        let bad = try cli.refusal(["trust", "add", try fixture("cong-van.txt")])
        #expect(bad.status == 65 && bad.code == "document.badCertificate")
    }

    @Test func registeringFromASignedPDFKeepsTheOriginalAndAStampedCopy() throws {
        let cli = try CLI(today: "2026-12-31")
        try cli.initState()
        _ = try cli.ok(["trust", "add", try fixture("ca.pem")])
        let added = try cli.ok([
            "incoming", "add", "--from-file", try fixture("signed.pdf"), "--received", "31/12/2026", "--handler", "Phòng Tổ chức",
        ])
        #expect(added.contains("Bản gốc: signed.pdf"))
        #expect(added.contains("Chữ ký số: Chữ ký hợp lệ — Nguyễn Văn An"))
        #expect(added.contains("Bản có dấu ĐẾN"))
        let document = try #require(try cli.json(["show", "den/2026/1"]) as? [String: Any])
        #expect(document["fullNotation"] as? String == "215/SNV-VP" && document["organName"] as? String == "SỞ NỘI VỤ", "\(document)")

        let files = try #require(try cli.json(["attach", "list", "den/2026/1"]) as? [[String: Any]])
        #expect(files.compactMap { $0["role"] as? String }.sorted() == ["original", "rendition"])
        // The original is the received file, byte for byte.
        let out = cli.folder.appendingPathComponent("goc.pdf").path
        _ = try cli.ok(["attach", "extract", "den/2026/1", "signed.pdf", "-o", out])
        #expect(FileManager.default.contents(atPath: out) == FileManager.default.contents(atPath: try fixture("signed.pdf")))
        // The journal keeps what the signature check found.
        let entries = try #require(try cli.json(["journal"]) as? [[String: Any]])
        let attach = try #require(entries.first { $0["action"] as? String == "attach-original" })
        let checked = ((attach["after"] as? [String: Any])?["signatures"] as? [[String: Any]])?.first
        #expect(checked?["intact"] as? Bool == true && checked?["signer"] as? String == "Nguyễn Văn An", "\(attach)")
        #expect(try cli.ok(["verify"]).contains("Tốt"))
    }

    @Test func theStampedCopyKeepsTheSignatureAndShowsTheNumber() throws {
        let cli = try CLI(today: "2026-12-31")
        try cli.initState()
        _ = try cli.ok(["incoming", "add", "--from-file", try fixture("signed.pdf"), "--received", "31/12/2026"])
        let stamped = cli.folder.appendingPathComponent("den-1.pdf").path
        #expect(try cli.ok(["stamp", "den/2026/1", "-o", stamped]).contains("bản gốc không đổi"))
        let original = try #require(FileManager.default.contents(atPath: try fixture("signed.pdf")))
        let copy = try #require(FileManager.default.contents(atPath: stamped))
        #expect(copy.count > original.count && copy.prefix(original.count) == original, "the original is the copy's first revision")
        let page1 = try cli.run(["-f", "1", "-l", "1", stamped, "-"], executable: "/usr/bin/pdftotext").stdout
        #expect(page1.contains("ĐẾN") && page1.contains("Số: 1") && page1.contains("Ngày: 31/12/2026"), "\(page1)")
        // pyHanko, independently: the issuer's signature is intact and valid over its revision.
        let python = try #require(Self.python)
        let check = try cli.run(
            [CLI.root.appendingPathComponent("scripts/check-signature.py").path, stamped, try fixture("ca.pem")], executable: python)
        let verdict = try #require(
            try JSONSerialization.jsonObject(with: Data((check.stdout.split(separator: "\n").first ?? "").utf8)) as? [String: Any], "\(check.stderr)")
        #expect(verdict["intact"] as? Bool == true && verdict["valid"] as? Bool == true && verdict["trusted"] as? Bool == true)
        #expect(verdict["coverage"] as? String == "ENTIRE_REVISION", "the stamp is a later revision")
        // vanthu's own check says the same: intact, valid, with content added after signing.
        let json = try #require(try cli.json(["intake", stamped]) as? [String: Any])
        let signature = try #require((json["signatures"] as? [[String: Any]])?.first)
        #expect(signature["intact"] as? Bool == true && signature["coversWholeDocument"] as? Bool == false)
        // A file already there is not replaced without --overwrite.
        #expect(try cli.refusal(["stamp", "den/2026/1", "-o", stamped]).code == "export.outputExists")
    }

    @Test func aPDFWithObjectStreamsTakesTheStampToo() throws {
        let cli = try CLI(today: "2026-12-31")
        try cli.initState()
        _ = try cli.ok(["incoming", "add", "--from-file", try fixture("object-streams.pdf"), "--received", "31/12/2026"])
        let stamped = cli.folder.appendingPathComponent("den-1.pdf").path
        _ = try cli.ok(["stamp", "den/2026/1", "-o", stamped, "--position", "top-left"])
        let page1 = try cli.run(["-f", "1", "-l", "1", stamped, "-"], executable: "/usr/bin/pdftotext").stdout
        #expect(page1.contains("ĐẾN") && page1.contains("QUYẾT ĐỊNH"), "\(page1)")
        // pikepdf (qpdf) reads the update's cross-reference stream.
        let python = try #require(Self.python)
        let pages = try cli.run(
            ["-c", "import pikepdf,sys; p=pikepdf.open(sys.argv[1]); print(len(p.pages), len(p.pages[0].Annots))", stamped], executable: python)
        #expect(pages.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1 1", "\(pages.stderr)")
    }

    @Test func badFilesAreRefusedAndStoreNothing() throws {
        let cli = try CLI(today: "2026-12-31")
        try cli.initState()
        let before = try cli.databaseBytes()
        let cases: [(file: String, code: String)] = [
            ("encrypted.pdf", "document.encrypted"), ("zero-pages.pdf", "document.noPages"), ("many-pages.pdf", "document.tooManyPages"),
            ("bomb.docx", "document.damaged"),
        ]
        for (file, code) in cases {
            let refused = try cli.refusal(["incoming", "add", "--from-file", try fixture(file), "--received", "31/12/2026"])
            #expect(refused.status == 65 && refused.code == code, "\(file): \(refused)")
            let intake = try cli.run(["intake", try fixture(file)])
            #expect(
                intake.status == 65 && !intake.stderr.contains("CRITICAL") && intake.stderr.split(separator: "\n").count == 1,
                "\(file): \(intake.stderr)")
        }
        let truncated = cli.folder.appendingPathComponent("cat-cut.pdf")
        try #require(FileManager.default.contents(atPath: try fixture("cong-van.pdf"))).prefix(9000).write(to: truncated)
        #expect(try cli.refusal(["incoming", "add", "--from-file", truncated.path]).code == "document.damaged")
        // A scan when Tesseract's Vietnamese data is missing.
        let noModel = try cli.refusal(
            ["incoming", "add", "--from-file", try fixture("cong-van-scan.pdf")], environment: ["TESSDATA_PREFIX": cli.folder.path])
        #expect(noModel.status == 65 && noModel.code == "document.ocrUnavailable")
        #expect(try cli.databaseBytes() == before, "nothing was registered")
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath + "-files/sha256"), "nothing was stored")
    }

    @Test func hostileFilesAreReadWithinBounds() throws {
        let cli = try CLI(today: "2026-12-31")
        // An external entity is never expanded: the machine's name does not come out.
        let xxe = try cli.run(["intake", "--text", try fixture("xxe.docx")])
        #expect(xxe.status == 0)
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        #expect(hostname.count < 3 || !xxe.stdout.contains(hostname), "the entity was expanded")
        #expect(xxe.stdout.contains("Kính gửi"))
        // Arrays nested 100,000 deep: read (poppler's own limit), no crash.
        let deep = try cli.run(["intake", try fixture("deep.pdf")])
        #expect(deep.status == 0 || deep.status == 65, "\(deep.stderr)")
        #expect(!deep.stderr.contains("CRITICAL"))
    }

    @Test func aTenPagePDFIsReadWhole() throws {
        let cli = try CLI(today: "2026-12-31")
        let json = try #require(try cli.json(["intake", try fixture("ten-pages.pdf")]) as? [String: Any])
        #expect(json["pages"] as? Int == 10 && (json["ocrPages"] as? [Int]) == [])
        #expect(json["fullNotation"] as? String == "215/SNV-VP")
    }
}
