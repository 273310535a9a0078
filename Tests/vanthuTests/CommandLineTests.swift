import Foundation
import Testing
import VanThuTestSupport

@Suite struct CommandLineTests {
    @Test func theIssuesTerminalSessionWorks() throws {
        let cli = try CLI()
        try cli.initState()
        _ = try cli.ok(["register", "continue", "incoming", "--from", "783", "--date", "20/8/2021"])
        let stamp = try cli.ok([
            "incoming", "add", "--issuer", "Ban Tuyên giáo Tỉnh ủy", "--symbol", "85-BC/BTGTU", "--date", "18/8/2021", "--type", "BC",
            "--summary", "Kết quả triển khai, thực hiện Kế hoạch số 81-KH/TU", "--received", "20/8/2021", "--handler", "Phòng Tuyên truyền",
        ])
        for expected in ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: 783", "ĐẾN", "Ngày: 20/8/2021", "Chuyển: Phòng Tuyên truyền", "Số và ký hiệu HS:"] {
            #expect(stamp.contains(expected), "stamp lacks \(expected):\n\(stamp)")
        }
        let outgoing = try cli.ok([
            "di", "them", "--type", "BC", "--summary", "Báo cáo kết quả", "--signer", "Nguyễn Văn A", "--signer-title", "PHÓ GIÁM ĐỐC",
            "--signer-capacity", "KT. GIÁM ĐỐC", "--recipient", "Sở Thông tin và Truyền thông", "--recipient", "Phòng Tuyên truyền", "--archive",
            "VT, TTBCBC",
        ])
        #expect(outgoing.contains("Số: 01/BC-STTTT"))
        #expect(outgoing.contains("- Phòng Tuyên truyền;\n- Lưu: VT, TTBCBC."))
        #expect(outgoing.contains("Số bản cần in: 4"))

        let list = try #require(try cli.json(["list", "incoming", "--year", "2021"]) as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["arrivalNumber"] as? Int == 783)
        #expect(list.first?["codeNotation"] as? String == "BC/BTGTU")
        let id = try #require(list.first?["id"] as? Int)
        let byId = try #require(try cli.json(["show", String(id)]) as? [String: Any])
        #expect(byId["reference"] as? String == "den/2021/783")
        let outgoingJSON = try #require(try cli.json(["xem", "di/2021/BC/1"]) as? [String: Any])
        #expect(outgoingJSON["fullNotation"] as? String == "01/BC-STTTT")
        #expect(outgoingJSON["toPlaces"] as? [String] == ["Sở Thông tin và Truyền thông", "Phòng Tuyên truyền"])

        #expect(try cli.ok(["void", "den/2021/783", "--reason", "Vào sổ nhầm"]).contains("den/2021/783"))
        let listed = try cli.ok(["den", "them", "--issuer", "Sở Nội vụ", "--symbol", "12/SNV-VP", "--summary", "V/v cử cán bộ"])
        #expect(listed.contains("Số: 784"))
        let text = try cli.ok(["list", "den", "--year", "2021"])
        #expect(text.contains("ĐÃ HỦY: Vào sổ nhầm"))
        let journal = try cli.ok(["journal"])
        for action in ["init", "continue-series", "register", "void"] { #expect(journal.contains(action)) }
        #expect(journal.contains("văn thư"))
    }

    @Test func aPartyCommitteeNumbersInTheHD36Style() throws {
        let cli = try CLI(today: "2021-01-10")
        _ = try cli.ok([
            "init", "--org", "BAN TUYÊN GIÁO TỈNH ỦY", "--org-code", "BTGTU", "--parent", "TỈNH ỦY KON TUM", "--style", "party", "--term-start",
            "16/10/2020",
        ])
        let out = try cli.ok([
            "outgoing", "add", "--type", "BC", "--summary", "Kết quả triển khai", "--signer", "Nguyễn Thiện Cẩm", "--signer-title", "PHÓ TRƯỞNG BAN",
            "--signer-capacity", "K/T TRƯỞNG BAN", "--recipient", "Sở Thông tin và Truyền thông", "--recipient", "Phòng Tuyên truyền", "--date",
            "5/1/2021",
        ])
        #expect(out.contains("Số 01-BC/BTGTU"))
        #expect(out.contains("- Sở Thông tin và Truyền thông,\n- Phòng Tuyên truyền,\n- Lưu VT."))
        let register = try cli.ok(["register", "list"])
        #expect(register.contains("16/10/2020"))
    }

    @Test func errorsSpeakEnglishWhenAsked() throws {
        let cli = try CLI()
        let result = try cli.run(["list", "incoming"], environment: ["VANTHU_LANG": "en"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("not found") && result.stderr.contains("vanthu init"))
        let vi = try cli.run(["list", "incoming"])
        #expect(vi.stderr.contains("Không tìm thấy cơ sở dữ liệu"))
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
        // For a script: the same error as one JSON object, its message in the chosen language.
        for (language, message) in [("vi", vi.stderr), ("en", result.stderr)] {
            let json = try cli.run(["list", "incoming"], environment: ["VANTHU_ERRORS": "json", "VANTHU_LANG": language])
            let object = try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [String: Any]
            #expect(json.status == 66 && object?["code"] as? String == "registry.databaseNotFound" && object?["exitCode"] as? Int == 66)
            #expect((object?["message"] as? String).map { $0 + "\n" } == message)
        }
    }

    /// Each bad input: a one-line message, a non-zero exit, and the database byte-for-byte unchanged.
    @Test func badInputChangesNothing() throws {
        let cli = try CLI()
        try cli.initState()
        _ = try cli.ok(["incoming", "add", "--issuer", "Sở Nội vụ", "--symbol", "12/SNV-VP", "--summary", "V/v cử cán bộ", "--received", "20/8/2021"])
        _ = try cli.ok(["void", "den/2021/1", "--reason", "nhầm"])
        _ = try cli.ok(["incoming", "add", "--issuer", "Sở Nội vụ", "--symbol", "13/SNV-VP", "--summary", "V/v khác", "--received", "20/8/2021"])
        let add = ["incoming", "add", "--issuer", "Sở Tài chính", "--summary", "V/v dự toán"]
        let cases: [(String, [String], String)] = [
            ("impossible date", add + ["--received", "31/02/2021"], "registry.invalidDate"),
            ("future arrival", add + ["--received", "26/8/2021"], "registry.dateInFuture"),
            ("unknown type", add + ["--type", "XYZ"], "registry.unknownDocumentType"),
            ("empty summary", ["incoming", "add", "--issuer", "Sở Tài chính", "--summary", " ", "--type", "CV"], "registry.emptyField"),
            ("malformed notation", add + ["--symbol", "12//SNV"], "registry.invalidNotation"),
            (
                "duplicate", ["incoming", "add", "--issuer", "SỞ NỘI VỤ", "--symbol", "Số 13 / SNV - VP", "--summary", "lần hai"],
                "registry.duplicateDocument"
            ),
            ("void twice", ["void", "den/2021/1", "--reason", "lại"], "registry.alreadyVoided"),
            ("unknown reference", ["show", "den/2021/99"], "registry.documentNotFound"),
            ("bad reference", ["void", "abc", "--reason", "x"], "registry.invalidReference"),
            ("outgoing công văn without unit", ["di", "them", "--type", "CV", "--summary", "x", "--signer", "A"], "registry.notationNeedsUnit"),
        ]
        for (name, arguments, code) in cases {
            let before = try cli.databaseBytes()
            let refused = try cli.refusal(arguments)
            #expect(refused.status == 65 && refused.code == code, "\(name): \(refused)")
            // The clerk's own line: one, in Vietnamese, without a trace of the machinery.
            let result = try cli.run(arguments)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(name): one line, got \(result.stderr)")
            #expect(!result.stderr.contains("Fatal") && !result.stderr.contains("SQL") && !result.stderr.contains("Error:"), "\(name)")
            #expect(try cli.databaseBytes() == before, "\(name) changed the database")
        }
        let journal = try #require(try cli.json(["journal"]) as? [Any])
        #expect(journal.count == 5)  // init, register opened, two registrations, one void; nothing from the failures
    }

    @Test func badDatabaseFilesAreRefusedAndLeftAlone() throws {
        let cli = try CLI()
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: cli.databasePath))
        let foreign = try cli.run(["list", "incoming"])
        #expect(foreign.status == 65 && foreign.stderr.contains("không phải cơ sở dữ liệu vanthu"))
        #expect(try cli.databaseBytes() == garbage)
        let overwrite = try cli.run(["init", "--org", "X", "--org-code", "X"])
        #expect(overwrite.status == 73)
        #expect(try cli.databaseBytes() == garbage)

        let other = try CLI()
        try other.initState()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: other.databasePath)
        let before = try other.databaseBytes()
        let readOnly = try other.run(["incoming", "add", "--issuer", "A", "--summary", "B", "--type", "CV"])
        #expect(readOnly.status == 77 && readOnly.stderr.contains("chỉ cho phép đọc"))
        #expect(try other.databaseBytes() == before)
        #expect(try other.run(["list", "incoming"]).status == 0)
    }

    @Test func registersExportFromTheCommandLine() throws {
        let cli = try CLI()
        try cli.initState()
        _ = try cli.ok(["den", "them", "--issuer", "Sở Nội vụ", "--symbol", "12/SNV-VP", "--summary", "V/v cử cán bộ", "--received", "20/8/2021"])
        let out = try cli.ok(["xuat", "so-den", "--year", "2021", "-o", "so-den.xlsx"])
        #expect(out.contains("so-den.xlsx"))
        let bytes = try Data(contentsOf: cli.folder.appendingPathComponent("so-den.xlsx"))
        #expect(bytes.prefix(2) == Data("PK".utf8))
        let again = try cli.run(["export", "incoming-register", "--year", "2021", "-o", "so-den.xlsx"])
        #expect(again.status == 73 && again.stderr.contains("--overwrite"))
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("so-den.xlsx")) == bytes)
        let empty = try cli.run(["export", "outgoing-register", "--year", "2021", "-o", "so-di.xlsx"])
        #expect(empty.status == 65 && empty.stderr.contains("không có văn bản nào"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("so-di.xlsx").path))
        let noPeriod = try cli.run(["export", "incoming-register", "-o", "x.xlsx"])
        #expect(noPeriod.status == 65 && noPeriod.stderr.contains("--year"))
    }

    /// The manual, in Vietnamese (`man vanthu`) and English, documents every command, is what
    /// the commands say now, and renders with its Vietnamese letters.
    @Test func theManualCoversEveryCommandInBothLanguages() throws {
        let pages = [
            "vi": try String(contentsOf: CLI.root.appendingPathComponent("man/vanthu.1"), encoding: .utf8),
            "en": try String(contentsOf: CLI.root.appendingPathComponent("man/en/vanthu.1"), encoding: .utf8),
        ]
        let cli = try CLI()
        let dump = try JSONSerialization.jsonObject(with: Data(try cli.ok(["--experimental-dump-help"]).utf8)) as? [String: Any]
        func names(_ command: [String: Any], _ path: [String]) -> [String] {
            let subcommands = (command["subcommands"] as? [[String: Any]] ?? []).filter { $0["commandName"] as? String != "help" }
            return subcommands.flatMap { sub -> [String] in
                let full = path + [sub["commandName"] as? String ?? ""]
                return [full.joined(separator: " ")] + names(sub, full)
            }
        }
        let commands = names(dump?["command"] as? [String: Any] ?? [:], ["vanthu"])
        #expect(commands.count >= 60, "\(commands)")
        for (language, page) in pages {
            for command in commands { #expect(page.contains(command), "\(language) page lacks \(command)") }
            // Generated from the commands as they are now: a changed help text without `make man` fails here.
            let regenerated = try Process.output(
                "/usr/bin/env", ["python3", CLI.root.appendingPathComponent("scripts/man.py").path, CLI.binary, language, "December 1, 2026"])
            #expect(regenerated == page, "man page (\(language)) is stale: run make man")
        }
        // Rendered as `man` renders it (groff with preconv): the Vietnamese letters are there.
        let vietnamese = try Process.output(
            "/usr/bin/env", ["groff", "-Kutf8", "-mdoc", "-Tutf8", "-P", "-cbou", CLI.root.appendingPathComponent("man/vanthu.1").path])
        for phrase in ["Đăng ký văn bản đến", "Ghi ý kiến chỉ đạo của lãnh đạo", "TÙY CHỌN CHUNG CỦA MỌI LỆNH", "NHẬT KÝ CHỨNG MINH ĐƯỢC GÌ"] {
            let found = vietnamese.replacingOccurrences(of: "\n", with: " ").contains(phrase)
            #expect(found, "rendered page lacks “\(phrase)”")
        }
        let english = try Process.output(
            "/usr/bin/env", ["groff", "-Kutf8", "-mdoc", "-Tutf8", "-P", "-cbou", CLI.root.appendingPathComponent("man/en/vanthu.1").path])
        let englishFound = english.contains("Register an incoming document") && english.contains("WHAT THE JOURNAL PROVES")
        #expect(englishFound, "the English page is not rendered as expected")
    }
}
