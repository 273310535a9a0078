import Foundation
import Testing

/// Danh mục hồ sơ, hồ sơ, attachments, verify, backup and restore through the real binary.
@Suite struct ArchiveCommandTests {
    static let catalogCSV = """
        SỞ THÔNG TIN VÀ TRUYỀN THÔNG;;;;
        DANH MỤC HỒ SƠ NĂM 2021;;;;
        Số và ký hiệu hồ sơ;Tên đề mục và tiêu đề hồ sơ;Thời hạn bảo quản;Người lập hồ sơ;Ghi chú
        (1);(2);(3);(4);(5)
        ;I. VĂN PHÒNG;;;
        01.VP;"Kế hoạch, báo cáo công tác năm";Vĩnh viễn;Nguyễn Văn A;
        02.VP;Công văn trao đổi;10 năm;Nguyễn Văn A;
        Danh mục hồ sơ này có 2 hồ sơ;;;;

        """

    func prepared() throws -> CLI {
        let cli = try CLI(today: "2021-09-06")
        try cli.initState()
        // Excel in Vietnam saves “CSV UTF-8” with a BOM and, with a comma decimal, semicolons.
        try (Data([0xEF, 0xBB, 0xBF]) + Data(Self.catalogCSV.utf8)).write(to: cli.folder.appendingPathComponent("danh-muc-2021.csv"))
        _ = try cli.ok(["danh-muc", "import", "danh-muc-2021.csv", "--year", "2021"])
        return cli
    }

    @Test func aHồSơFromCatalogueToArchiveAndTheStampShowsIt() throws {
        let cli = try prepared()
        let catalog = try cli.ok(["catalog", "show", "--year", "2021"])
        #expect(catalog.contains("I. VĂN PHÒNG") && catalog.contains("01.VP") && catalog.contains("chưa mở"))
        let stamp = try cli.ok([
            "incoming", "add", "--issuer", "Sở Nội vụ", "--notation", "1432/SNV-CCVC", "--date", "23/8/2021",
            "--summary", "V/v cử công chức", "--received", "25/8/2021", "--file", "01.vp", "--pages", "4",
        ])
        #expect(stamp.contains("Số và ký hiệu HS: 01.VP"))
        _ = try cli.ok([
            "incoming", "add", "--issuer", "UBND tỉnh", "--notation", "512/QĐ-UBND", "--date", "20/8/2021",
            "--summary", "Tuyên truyền Quốc khánh", "--received", "26/8/2021", "--pages", "2",
        ])
        #expect(try cli.ok(["ho-so", "them", "01.VP", "den/2021/2", "--year", "2021"]).contains("nay có 2 văn bản"))
        #expect(try cli.ok(["show", "den/2021/2"]).contains("Số và ký hiệu HS: 01.VP"), "the stamp shows the hồ sơ once filed")
        let shown = try #require(try cli.json(["file", "show", "01.VP", "--year", "2021"]) as? [String: Any])
        let documents = try #require(shown["documents"] as? [[String: Any]])
        #expect(documents.map { $0["reference"] as? String } == ["den/2021/2", "den/2021/1"], "DocOrdinal follows the documents' dates")
        #expect(documents.map { $0["docOrdinal"] as? Int } == [1, 2])

        let closed = try #require(try cli.json(["file", "close", "01.VP", "--year", "2021"]) as? [String: Any])
        #expect(closed["pageTotal"] as? Int == 6 && closed["transferDue"] as? String == "2022-09-06" && closed["status"] as? String == "closed")
        _ = try cli.ok(["file", "index", "01.VP", "--year", "2021", "-o", "muc-luc-van-ban.xlsx"])
        _ = try cli.ok(["file", "transfer", "01.VP", "--year", "2021", "-o", "nop-luu.xlsx", "--delivered-by", "Nguyễn Văn A"])
        for file in ["muc-luc-van-ban.xlsx", "nop-luu.xlsx"] {
            #expect(FileManager.default.contents(atPath: cli.folder.appendingPathComponent(file).path)?.starts(with: Data("PK".utf8)) == true)
        }

        // Read-only from now on: refused, exit 65, the database unchanged.
        let before = try cli.databaseBytes()
        for (arguments, code) in [
            (["void", "den/2021/1", "--reason", "nhầm"], "archive.documentArchived"),
            (["edit", "den/2021/2", "--summary", "khác"], "archive.documentArchived"),
            (["route", "den/2021/1", "--lead", "Văn phòng"], "archive.documentArchived"),
            (["file", "reopen", "01.VP", "--year", "2021"], "archive.dossierArchived"),
            (["file", "add", "01.VP", "den/2021/1", "--year", "2021"], "archive.dossierNotOpen"),
        ] {
            let refused = try cli.refusal(arguments)
            #expect(refused.status == 65 && refused.code == code, "\(arguments): \(refused)")
        }
        #expect(try cli.databaseBytes() == before)
        let english = try cli.run(["void", "den/2021/1", "--reason", "x"], environment: ["VANTHU_LANG": "en"])
        #expect(english.stderr.contains("in the archive: it is read-only"))
        #expect(try cli.ok(["file", "list", "--status", "archived"]).contains("2021/01.VP"))
    }

    @Test func badInputIsRefusedAndChangesNothing() throws {
        let cli = try prepared()
        _ = try cli.ok(["incoming", "add", "--issuer", "Sở Nội vụ", "--type", "CV", "--summary", "V/v cử công chức", "--received", "25/8/2021"])
        try Data("01.X;Tiêu đề;Đến khi hết hiệu lực;;\n".utf8).write(to: cli.folder.appendingPathComponent("bad.csv"))
        try Data([0xC0, 0xFF, 0x41, 0x0A]).write(to: cli.folder.appendingPathComponent("binary.csv"))
        let before = try cli.databaseBytes()
        let cases: [([String], Int32, String)] = [
            (["catalog", "import", "bad.csv", "--year", "2021"], 65, "archive.catalogLine"),
            (["catalog", "import", "binary.csv", "--year", "2021"], 66, "archive.fileUnreadable"),
            (["catalog", "import", "none.csv", "--year", "2021"], 66, "archive.fileUnreadable"),
            (["file", "close", "01.VP", "--year", "2021"], 65, "archive.dossierEmpty"),
            (["file", "transfer", "02.VP", "--year", "2021", "-o", "x.xlsx"], 65, "archive.dossierNotClosed"),
            (["file", "add", "09.VP", "den/2021/1", "--year", "2021"], 65, "archive.dossierNotFound"),
            (["file", "open", "03.VP", "--year", "2021", "--title", "x", "--retention", "mãi mãi"], 65, "archive.unknownRetention"),
            (
                ["incoming", "add", "--issuer", "A", "--type", "CV", "--summary", "B", "--received", "25/8/2021", "--file", "09.VP"], 65,
                "archive.dossierNotFound"
            ),
            (["attach", "den/2021/1", "khong-co.pdf"], 66, "archive.fileUnreadable"),
            (["attach", "den/2021/1", "."], 66, "archive.fileUnreadable"),
            (["file", "due", "--within", "abc"], 65, "registry.invalidDeadline"),
        ]
        for (arguments, status, code) in cases {
            let refused = try cli.refusal(arguments)
            #expect(refused.status == status && refused.code == code && refused.stdout.isEmpty, "\(arguments): \(refused)")
        }
        #expect(try cli.databaseBytes() == before)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("x.xlsx").path))
    }

    @Test func attachVerifyBackupAndRestore() throws {
        let cli = try prepared()
        _ = try cli.ok(["incoming", "add", "--issuer", "Sở Nội vụ", "--type", "CV", "--summary", "V/v cử công chức", "--received", "25/8/2021"])
        _ = try cli.ok(["incoming", "add", "--issuer", "UBND tỉnh", "--type", "CV", "--summary", "Tuyên truyền", "--received", "26/8/2021"])
        let scan = cli.folder.appendingPathComponent("ban-quet.pdf")
        try Data("%PDF-1.4 bản quét công văn".utf8).write(to: scan)
        #expect(try cli.ok(["dinh-kem", "den/2021/1", "ban-quet.pdf"]).contains("SHA-256"))
        #expect(try cli.ok(["attach", "den/2021/2", "ban-quet.pdf"]).contains("không sao chép lại"))
        let listed = try #require(try cli.json(["attach", "list", "den/2021/1"]) as? [[String: Any]])
        #expect(listed.first?["name"] as? String == "ban-quet.pdf" && listed.first?["mediaType"] as? String == "application/pdf")
        #expect(try cli.ok(["verify"]).contains("1 tệp lưu trữ khớp"))

        #expect(try cli.ok(["sao-luu", "backup"]).contains("2 văn bản"))
        #expect(try cli.run(["backup", "backup"]).status == 73, "never into a folder in use")

        // Someone alters the stored file: verify says so and fails.
        let store = cli.databasePath + "-files/sha256"
        let prefix = try #require(try FileManager.default.contentsOfDirectory(atPath: store).first)
        let stored = "\(store)/\(prefix)/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: "\(store)/\(prefix)").first))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: stored)
        try Data("%PDF-1.4 bản quét công vă!".utf8).write(to: URL(fileURLWithPath: stored))
        let damaged = try cli.run(["verify"])
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("TỆP BỊ THAY ĐỔI: den/2021/1 “ban-quet.pdf”") && damaged.stdout.contains("den/2021/2"))

        // Restore: refused over the live database without --replace, then brings back the good file.
        let refused = try cli.run(["restore", "backup"])
        #expect(refused.status == 73 && refused.stderr.contains("--replace"))
        #expect(try cli.ok(["khoi-phuc", "backup", "--replace"]).contains("2 văn bản"))
        #expect(try cli.ok(["verify"]).contains("Tốt"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.contains(".before-restore-") }
        #expect(kept.contains { !$0.hasSuffix("-files") }, "the replaced database is kept: \(kept)")
        #expect(try cli.ok(["journal"]).contains("restore"))
    }
}
