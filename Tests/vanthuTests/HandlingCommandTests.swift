import Foundation
import Testing
import VanThuCore

/// Routing, follow-up and dispatch through the real binary.
@Suite struct HandlingCommandTests {
    /// Two incoming documents of Friday 20/8/2021 (one Khẩn) and one outgoing with two recipients.
    func prepared(today: String = "2021-08-25") throws -> CLI {
        let cli = try CLI(today: today)
        try cli.initState()
        _ = try cli.ok([
            "incoming", "add", "--issuer", "Sở Nội vụ", "--notation", "1432/SNV-CCVC", "--summary", "V/v cử công chức", "--received", "20/8/2021",
            "--urgency", "khan",
        ])
        _ = try cli.ok([
            "incoming", "add", "--issuer", "UBND tỉnh", "--notation", "512/QĐ-UBND", "--summary", "Tuyên truyền Quốc khánh", "--received",
            "20/8/2021",
        ])
        _ = try cli.ok([
            "outgoing", "add", "--type", "BC", "--summary", "Báo cáo kết quả", "--signer", "Nguyễn Văn An", "--date", "24/8/2021",
            "--recipient", "Sở Nội vụ", "--recipient", "Ban Tuyên giáo Tỉnh ủy", "--archive", "VT, VP",
        ])
        return cli
    }

    @Test func routeJSONGivesTheComputedDueDateAndAliasesWork() throws {
        let cli = try prepared()
        let routed = try #require(
            try cli.json([
                "route", "den/2021/1", "--lead", "Phòng Tuyên truyền", "--co", "Văn phòng", "--due", "10wd",
                "--direction", "Giao Phòng TT chủ trì tham mưu", "--by", "PGĐ Nguyễn Văn B",
            ]) as? [String: Any])
        // Wednesday 25/8 + 10 working days, Quốc khánh 2–3/9 skipped: Friday 10/9.
        #expect(routed["dueDate"] as? String == "2021-09-10")
        #expect(routed["status"] as? String == "routed")
        let step = try #require(routed["step"] as? [String: Any])
        #expect(
            step["unit"] as? String == "Phòng Tuyên truyền" && step["coUnits"] as? [String] == ["Văn phòng"]
                && step["person"] as? String == "PGĐ Nguyễn Văn B")
        #expect(try cli.ok(["chuyen", "den/2021/2", "--lead", "Văn phòng", "--due", "27/8/2021"]).contains("hạn giải quyết: 27/8/2021"))
        #expect(try cli.ok(["ky-nhan", "den/2021/1", "--unit", "phòng tuyên truyền", "--signed-by", "Trần Thị C"]).contains("Đang giải quyết"))
        #expect(try cli.ok(["tien-do", "den/2021/1", "--note", "Đang dự thảo báo cáo"]).contains("Đang dự thảo báo cáo"))
        #expect(try cli.ok(["xong", "den/2021/1", "--reply", "di/2021/BC/1"]).contains("01/BC-STTTT"))
        let history = try cli.ok(["history", "den/2021/1"])
        let order = ["Vào sổ", "Chuyển", "Ký nhận", "Tiến độ", "Giải quyết xong", "Trạng thái: Đã giải quyết"].compactMap {
            history.range(of: $0)?.lowerBound
        }
        #expect(order.count == 6 && order == order.sorted(), "\(history)")
        let historyJSON = try #require(try cli.json(["history", "den/2021/1"]) as? [String: Any])
        #expect((historyJSON["steps"] as? [[String: Any]])?.map { $0["action"] as? String } == ["route", "receipt", "progress", "done"])
        #expect(try cli.ok(["show", "den/2021/1"]).contains("01/BC-STTTT"))
    }

    @Test func overdueOnAFixedDayWithUrgentOnTop() throws {
        let cli = try prepared()
        _ = try cli.ok(["route", "den/2021/2", "--lead", "Văn phòng", "--due", "1wd", "--date", "23/8/2021"])
        let text = try cli.ok(["overdue"])
        let lines = text.split(separator: "\n").map(String.init)
        let urgent = try #require(lines.firstIndex { $0.contains("⚑ KHẨN") })
        let late = try #require(lines.firstIndex { $0.contains("Quá hạn 1 ngày làm việc") })
        #expect(urgent < late && lines[urgent].contains("Chậm trình 3 ngày làm việc"))
        let report = try #require(try cli.json(["qua-han", "--unit", "Văn phòng"]) as? [String: Any])
        #expect((report["items"] as? [[String: Any]])?.map { $0["reference"] as? String } == ["den/2021/2"])
        #expect(report["today"] as? String == "2021-08-25")
        // The clerk checks next week: on 1/9 the same document is 6 working days late.
        let nextWeek = try cli.run(["overdue", "--json"], environment: ["VANTHU_TODAY": "2021-09-01"])
        #expect(nextWeek.status == 0 && nextWeek.stdout.contains("\"days\" : 6"))
        #expect(try cli.ok(["overdue"], ).contains("(chưa chuyển): 1 quá hạn"))
        let english = try cli.run(["overdue"], environment: ["VANTHU_LANG": "en"])
        #expect(english.stdout.contains("Not routed, 3 working days late") && english.stdout.contains("Overdue by 1 working day"))
    }

    /// A list far longer than one piece of output (256 kB): every line whole and in order, the
    /// Vietnamese letters intact where the pieces meet, the counts after the table.
    @Test func aLongFollowUpListIsPrintedWhole() throws {
        let cli = try CLI()
        try cli.initState()
        let count = 4_000
        let registry = try Registry.open(
            at: cli.databasePath, access: .readWrite, context: RegistryContext(user: "văn thư", today: LocalDate(year: 2021, month: 8, day: 25)))
        let drafts = try (1...count).map { n in
            IncomingDraft(
                issuer: "Sở Nội vụ", typeCode: "CV", summary: "Về việc cử công chức dự lớp bồi dưỡng số \(n)" + String(repeating: "ệ", count: n % 5),
                received: try LocalDate(parsing: "2/8/2021"))
        }
        _ = try RegistrationService(registry).registerIncoming(batch: drafts)
        registry.close()
        let text = try cli.ok(["overdue"])
        #expect(text.utf8.count > 1 << 19 && !text.contains("\u{FFFD}"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Theo dõi, đôn đốc ngày 25/8/2021")
        #expect(lines[1].contains("Số đến") && lines[1].contains("Tên loại và trích yếu"))
        let rows = Array(lines.dropFirst(2).prefix(count))
        for (index, row) in rows.enumerated() {
            let n = index + 1
            let words = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(words.first.map(String.init) == "\(n)" && row.contains("2/8/2021") && row.contains("(chưa chuyển)"), "\(row)")
            #expect(row.hasSuffix("bồi dưỡng số \(n)" + String(repeating: "ệ", count: n % 5)), "\(row)")
        }
        #expect(lines.dropFirst(2 + count).contains("(chưa chuyển): \(count) quá hạn, 0 sắp đến hạn"), "\(lines.suffix(3))")
    }

    @Test func badInputGetsAClearMessageAndChangesNothing() throws {
        let cli = try prepared()
        _ = try cli.ok(["void", "den/2021/2", "--reason", "Trùng văn bản"])
        let before = try cli.databaseBytes()
        let cases: [([String], String)] = [
            (["route", "den/2021/2", "--lead", "Văn phòng"], "registry.voidedDocument"),
            (["route", "den/2021/1", "--lead", "Văn phòng", "--due", "19/8/2021"], "registry.dateOrder"),
            (["route", "den/2021/1", "--lead", "Văn phòng", "--due", "31/2/2021"], "registry.invalidDate"),
            (["route", "den/2021/9", "--lead", "Văn phòng"], "registry.documentNotFound"),
            (["route", "den/2021/1", "--lead", "Văn phòng", "--due", "mai"], "registry.invalidDeadline"),
            (["done", "den/2021/1"], "registry.statusForbids"),
            (["receipt", "den/2021/1", "--unit", "Văn phòng"], "registry.statusForbids"),
            (["dispatch", "di/2021/BC/1", "--to", "Sở Tài chính", "--via", "post"], "registry.recipientNotListed"),
            (["dispatch", "di/2021/BC/1", "--to", "Sở Nội vụ", "--via", "fax"], "registry.invalidValue"),
            (["dispatch", "den/2021/1", "--all", "--via", "post"], "registry.wrongDirection"),
            (["holidays", "remove", "2/9/2021"], "registry.statutoryHoliday"),
        ]
        for (arguments, code) in cases {
            let refused = try cli.refusal(arguments)
            #expect(refused.status == 65 && refused.code == code && refused.stdout.isEmpty, "\(arguments): \(refused)")
            // Each case's two messages are checked side by side in ErrorMessageTests; here, that
            // the binary gives one line in each language and nothing of argument-parser's.
            for language in ["vi", "en"] {
                let result = try cli.run(arguments, environment: ["VANTHU_LANG": language])
                #expect(result.stderr.split(separator: "\n").count == 1 && !result.stderr.contains("Error:"), "\(arguments): \(result.stderr)")
            }
        }
        #expect(try cli.databaseBytes() == before)
        let missing = try cli.run(["overdue"], environment: ["VANTHU_DB": cli.folder.appendingPathComponent("khong-co.sqlite").path])
        #expect(missing.status == 66 && missing.stderr.contains("vanthu init"))
    }

    @Test func dispatchUnsentAndThePostalBook() throws {
        let cli = try prepared()
        #expect(try cli.ok(["unsent"]).contains("2 bản chưa gửi."))
        #expect(try cli.ok(["gui", "di/2021/BC/1", "--to", "sở nội vụ", "--via", "buu-dien", "--envelopes", "2"]).contains("Sở Nội vụ (Bưu điện"))
        let unsent = try #require(try cli.json(["chua-gui"]) as? [[String: Any]])
        #expect(unsent.map { $0["recipient"] as? String } == ["Ban Tuyên giáo Tỉnh ủy"])
        #expect(try cli.ok(["dispatch", "di/2021/BC/1", "--to", "UBND tỉnh", "--via", "email", "--extra"]).contains("ngoài Nơi nhận"))
        _ = try cli.ok(["dispatch", "di/2021/BC/1", "--all", "--via", "axis"])
        #expect(try cli.ok(["unsent"]).contains("Mọi văn bản đi đã gửi đủ."))
        _ = try cli.ok(["export", "buu-dien", "--year", "2021", "-o", "buu-dien.csv", "--format", "csv"])
        let csv = try String(contentsOf: cli.folder.appendingPathComponent("buu-dien.csv"), encoding: .utf8)
        #expect(csv.contains("25/08/2021,01/BC-STTTT,Sở Nội vụ,2,,") && !csv.contains("UBND tỉnh"))
    }

    @Test func holidaysSlipAndReportFromTheCommandLine() throws {
        let cli = try prepared()
        let days = try #require(try cli.json(["holidays", "list", "--year", "2022"]) as? [[String: Any]])
        #expect(days.contains { $0["date"] as? String == "2022-02-01" && ($0["name"] as? String)?.contains("mùng 1") == true })
        #expect(days.contains { $0["date"] as? String == "2022-04-10" && $0["lunarDate"] as? String == "10/3 âm lịch" })
        _ = try cli.ok(["ngay-nghi", "add", "27/8/2021", "--name", "Nghỉ hoán đổi"])
        // With Friday 27/8 off, 1wd from Thursday 26/8 is Monday 30/8.
        let routed = try #require(
            try cli.json(["route", "den/2021/2", "--lead", "Văn phòng", "--due", "1wd", "--date", "25/8/2021"]) as? [String: Any])
        #expect(routed["dueDate"] as? String == "2021-08-26")
        let later = try #require(try cli.json(["route", "den/2021/1", "--lead", "Văn phòng", "--due", "2wd"]) as? [String: Any])
        #expect(later["dueDate"] as? String == "2021-08-30")
        _ = try cli.ok(["holidays", "remove", "27/8/2021"])
        #expect(try cli.ok(["journal"]).contains("remove-holiday"))
        _ = try cli.ok(["phieu", "den/2021/1", "-o", "phieu.xlsx"])
        _ = try cli.ok(["bao-cao", "--year", "2021", "-o", "bao-cao.xlsx"])
        for name in ["phieu.xlsx", "bao-cao.xlsx"] {
            let data = try Data(contentsOf: cli.folder.appendingPathComponent(name))
            #expect(data.prefix(2) == Data("PK".utf8))
        }
        let table = try cli.ok(["report", "--year", "2021"])
        #expect(table.contains("⚑ KHẨN den/2021/1") && table.contains("Tổng cộng"))
        let again = try cli.run(["slip", "den/2021/1", "-o", "phieu.xlsx"])
        #expect(again.status == 73 && again.stderr.contains("--overwrite"))
        // The same forms as PDF, to print and sign; a kind of file neither is refused in one line.
        _ = try cli.ok(["slip", "den/2021/1", "-o", "phieu.pdf"])
        _ = try cli.ok(["report", "--year", "2021", "-o", "bao-cao.pdf"])
        _ = try cli.ok(["journal", "export", "--from", "1/1/2021", "-o", "nhat-ky.pdf"])
        for name in ["phieu.pdf", "bao-cao.pdf", "nhat-ky.pdf"] {
            let data = try Data(contentsOf: cli.folder.appendingPathComponent(name))
            #expect(data.prefix(5) == Data("%PDF-".utf8), "\(name)")
        }
        let docx = try cli.run(["slip", "den/2021/1", "-o", "phieu.docx"])
        #expect(docx.status != 0 && docx.stderr.contains(".pdf") && docx.stderr.split(separator: "\n").count == 1, "\(docx.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("phieu.docx").path))
    }
}
