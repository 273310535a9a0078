import Foundation
import Testing

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

    /// The manual documents every command.
    @Test func theManualCoversEveryCommand() throws {
        let manual = try String(contentsOf: CLI.root.appendingPathComponent("man/vanthu.1"), encoding: .utf8)
        let help = try CLI().ok(["--help"])
        // Command lines under every group's heading ("… SUBCOMMANDS:"), not wrapped abstracts.
        let commands = help.split(separator: "\n").drop { !$0.hasSuffix("SUBCOMMANDS:") }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(commands.count >= 33)
        for command in commands { #expect(manual.contains(command), "man/vanthu.1 lacks \(command)") }
        for sub in ["continue", "rule", "term", "add", "list", "remove", "tracking-register", "postal-register"] { #expect(manual.contains(sub)) }
    }
}
