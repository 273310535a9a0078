import Foundation
import Testing
import VanThuCore
import VanThuReaders
import VanThuTestSupport

@testable import VanThuXLSX

@Suite struct LayoutTests {
    /// The binary carries the layouts; they must be the files in exports/.
    static let layoutFiles =
        ((try? FileManager.default.contentsOfDirectory(atPath: ExportFixtures.root.appendingPathComponent("exports").path)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    @Test func everyLayoutFileIsBuiltIn() {
        #expect(Self.layoutFiles.count == 7)
        #expect(BuiltinLayouts.files.keys.sorted() == Self.layoutFiles, "run scripts/embed-layouts.sh")
    }

    @Test(arguments: layoutFiles)
    func theBuiltinLayoutsAreTheFilesInExports(file: String) throws {
        let onDisk = try String(contentsOf: ExportFixtures.root.appendingPathComponent("exports/\(file)"), encoding: .utf8)
        let builtin = try #require(BuiltinLayouts.files[file], "run scripts/embed-layouts.sh")
        #expect(builtin == onDisk.trimmingCharacters(in: .newlines), "run scripts/embed-layouts.sh")
        if file.hasSuffix("-form.json") {
            #expect(try FormLayout.builtin(String(file.dropLast("-form.json".count))).columns.isEmpty == false)
        } else {
            #expect(try RegisterLayout.builtin(String(file.dropLast("-register.json".count))).columns.isEmpty == false)
        }
    }

    @Test func theHồSơFormsHaveThePhụLụcVColumns() throws {
        #expect(
            try FormLayout.builtin("catalog").columns.map(\.heading) == [
                "Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ sơ", "Thời hạn bảo quản", "Người lập hồ sơ", "Ghi chú",
            ])
        #expect(
            try FormLayout.builtin("dossier-list").columns.map(\.heading) == [
                "Số TT", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu", "Thời hạn bảo quản", "Số tờ/Số trang", "Ghi chú",
            ])
        #expect(
            try FormLayout.builtin("dossier-index").columns.map(\.heading) == [
                "STT", "Số, ký hiệu văn bản", "Ngày tháng năm văn bản", "Tên loại và trích yếu nội dung văn bản", "Tác giả văn bản", "Tờ số/Trang số",
                "Ghi chú",
            ])
    }

    @Test func theColumnsAreTheLegalOnesInTheLegalOrder() throws {
        #expect(
            try RegisterLayout.builtin("incoming").columns.map(\.heading) == [
                "Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản",
                "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú",
            ])
        #expect(
            try RegisterLayout.builtin("outgoing").columns.map(\.heading) == [
                "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản",
                "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú",
            ])
        #expect(try RegisterLayout.builtin("tracking").columns.count == 7)
        #expect(throws: ExportError.unknownLayout("nope")) { try RegisterLayout.builtin("nope") }
    }
}

@Suite struct RegisterExportTests {
    @Test func theIncomingRegisterIsPrintReadyAndComplete() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("so-den-2021.xlsx").path
        let summary = try RegisterExporter.export(
            ExportRequest(layout: "incoming", period: RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil), output: path),
            from: registry)
        #expect(summary.rows == 4)

        let cover = try ExportFixtures.member("xl/worksheets/sheet1.xml", of: path)
        for text in [
            "UBND TỈNH KON TUM", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "Năm: 2021",
            // The book's first and last entries, not the year asked for.
            "Từ ngày 24/08/2021 đến ngày 03/09/2021",
            "Từ số 791 đến số 794", "Quyển số: 1",
        ] {
            #expect(cover.contains(text), "cover lacks \(text)")
        }
        let sheet = try ExportFixtures.member("xl/worksheets/sheet2.xml", of: path)
        let cells = ExportFixtures.cells(sheet)
        #expect(cells[1]?["A"] == "Ngày đến" && cells[1]?["J"] == "Ghi chú")
        #expect(cells[2]?["A"] == "(1)" && cells[2]?["J"] == "(10)")
        #expect(cells.keys.max() == 6, "two heading rows and one row per number, the voided one included")
        #expect((3...6).map { cells[$0]?["B"] } == ["791", "792", "793", "794"])
        #expect(cells[3]?["A"] == "44432", "a real Excel date: 24/8/2021")
        #expect(cells[3]?["D"] == "27-BC/HU")
        #expect(cells[3]?["F"] == "Báo cáo Kết quả 5 năm thực hiện công tác tuyên truyền miệng")
        // A voided number keeps what it was given to, the mark and the reason on their own line.
        #expect(cells[6]?["F"] == "Giấy mời @ Thư mời\nĐÃ HỦY SỐ. Lý do: Gửi nhầm cơ quan", "\(cells[6]?["F"] ?? "")")
        #expect(cells[4]?["J"] == "KHẨN")
        #expect(cells[3]?["I"] == "", "Ký nhận stays empty")
        // Text that looks like a formula stays text; Vietnamese arrives NFC.
        #expect(!sheet.contains("<f>"))
        #expect(cells[4]?["F"] == "Công văn =HYPERLINK(\"http://x\") V/v cử công chức")
        #expect(cells[5]?["G"] == "+Phòng CNTT")
        #expect(cells[5]?["F"] == "Quyết định Tuyền truyền Quốc khánh")
        #expect(sheet.contains("Tuyền truyền Quốc khánh".precomposedStringWithCanonicalMapping))
        // Print settings and the screen view.
        #expect(sheet.contains(#"orientation="landscape""#) && sheet.contains(#"paperSize="9""#))
        #expect(sheet.contains(#"fitToHeight="0""#) && sheet.contains(#"<pageSetUpPr fitToPage="1"/>"#))
        #expect(sheet.contains("&amp;P") && sheet.contains("&amp;N"))
        #expect(sheet.contains(#"state="frozen""#) && sheet.contains(#"<autoFilter ref="A2:J6"/>"#))
        let workbook = try ExportFixtures.member("xl/workbook.xml", of: path)
        #expect(workbook.contains("_xlnm.Print_Titles") && workbook.contains("$1:$2"))
        let styles = try ExportFixtures.member("xl/styles.xml", of: path)
        #expect(styles.contains("Times New Roman") && styles.contains(#"formatCode="dd/mm/yyyy""#))
        #expect(styles.contains(#"<left style="thin">"#) || styles.contains(#"<left style="thin"/>"#))
        #expect(try ExportFixtures.files(in: folder) == ["so-den-2021.xlsx"], "no temporary file left")
    }

    @Test func secretDocumentsLiveInTheirOwnBookWithoutTuyệtMậtSummaries() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let year = try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil)
        let ordinary = folder.appendingPathComponent("den.xlsx").path
        let secret = folder.appendingPathComponent("den-mat.xlsx").path
        _ = try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: ordinary), from: registry)
        _ = try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: secret, secret: true), from: registry)
        #expect(!(try ExportFixtures.member("xl/worksheets/sheet2.xml", of: ordinary)).contains("Công an tỉnh"))
        let secretSheet = try ExportFixtures.member("xl/worksheets/sheet2.xml", of: secret)
        #expect(secretSheet.contains("Công an tỉnh") && !secretSheet.contains("Nội dung tuyệt mật"))
        #expect(secretSheet.contains("Tuyệt mật: không ghi trích yếu"))
        #expect(try ExportFixtures.member("xl/worksheets/sheet1.xml", of: secret).contains("SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN"))
    }

    @Test func monthsCanStartOnNewPages() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("theo-doi.xlsx").path
        _ = try RegisterExporter.export(
            ExportRequest(
                layout: "tracking", period: RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil), output: path, breakMonthly: true
            ), from: registry)
        let sheet = try ExportFixtures.member("xl/worksheets/sheet2.xml", of: path)
        #expect(sheet.contains(#"<rowBreaks count="1" manualBreakCount="1"><brk id="4""#), "a break before the first September row")
        #expect(ExportFixtures.cells(sheet)[3]?["B"] == "Báo cáo số 27-BC/HU ngày 16/08/2021 của Huyện ủy Đăk Hà")
    }

    /// A register kept before vanthu may skip numbers: the printed book gives each its row,
    /// and the cover counts from the first number to the last.
    @Test func everyNumberHasItsRowMissingOnesIncluded() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let csv = folder.appendingPathComponent("so-den-2020.csv").path
        try """
        Ngày đến;Số đến;Tác giả;Tên loại và trích yếu
        2/3/2020;1;Sở Nội vụ;Công văn Về việc A
        2/3/2020;2;Sở Nội vụ;Công văn Về việc B
        3/3/2020;4;Sở Tài chính;Công văn Về việc D
        3/3/2020;5;Sở Tài chính;Công văn Về việc E
        4/3/2020;300;Sở Y tế;Công văn Về việc Z

        """.write(toFile: csv, atomically: true, encoding: .utf8)
        _ = try RegisterImporter.importFile(.init(path: csv), into: registry, options: ImportOptions(direction: .incoming))
        let path = folder.appendingPathComponent("so-den-2020.xlsx").path
        _ = try RegisterExporter.export(
            ExportRequest(layout: "incoming", period: RegisterPeriod(year: 2020, month: nil, quarter: nil, from: nil, to: nil), output: path),
            from: registry)
        let cells = ExportFixtures.cells(try ExportFixtures.member("xl/worksheets/sheet2.xml", of: path))
        let numbers = (3...9).map { cells[$0]?["B"] ?? "" }
        let subjects = (3...9).map { cells[$0]?["F"] ?? "" }
        #expect(numbers == ["1", "2", "3", "4", "5", "6–299", "300"], "\(numbers)")
        #expect(subjects[2] == "Số bị thiếu khi nhập sổ cũ" && subjects[5] == "Số bị thiếu khi nhập sổ cũ")
        #expect(subjects[3] == "Công văn Về việc D")
        #expect(cells[10] == nil)
        let cover = try ExportFixtures.member("xl/worksheets/sheet1.xml", of: path)
        #expect(cover.contains("Từ số 1 đến số 300") && cover.contains("Từ ngày 02/03/2020 đến ngày 04/03/2020"))
        // Imported back into another registry, the book gives its five documents, not the missing rows.
        let other = try ExportFixtures.registry(in: try ExportFixtures.folder())
        defer { other.close() }
        let report = try RegisterImporter.importFile(.init(path: path), into: other, options: ImportOptions(direction: .incoming))
        #expect(report.imported == 5 && report.problems.isEmpty, "\(report.problems)")
    }

    @Test func theOutgoingRegisterAndItsPeriods() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("so-di.xlsx").path
        // The first is sent twice (31/8, then 2/9), the second never.
        _ = try DispatchService(registry).dispatch(
            reference: "di/2021/BC/1", DispatchDraft(recipients: ["Sở Nội vụ"], via: "post", date: "31/8/2021"))
        _ = try DispatchService(registry).dispatch(
            reference: "di/2021/BC/1", DispatchDraft(recipients: ["Sở Tài chính"], via: "email", date: "2/9/2021", extra: true))
        _ = try RegisterExporter.export(
            ExportRequest(layout: "outgoing", period: RegisterPeriod(year: nil, month: "2021-08", quarter: nil, from: nil, to: nil), output: path),
            from: registry)
        let cells = ExportFixtures.cells(try ExportFixtures.member("xl/worksheets/sheet2.xml", of: path))
        #expect(cells[3]?["A"] == "01/BC-STTTT" && cells[4]?["A"] == "02/BC-STTTT")
        // Column (8), Ngày chuyển: the day it first went out (an Excel date: 31/8/2021), blank when never sent.
        #expect(cells[3]?["H"] == "44439" && cells[4]?["H"] == "", "\(cells[3]?["H"] ?? "nil") \(cells[4]?["H"] ?? "nil")")
        #expect(cells[3]?["D"] == "PHÓ GIÁM ĐỐC Nguyễn Văn An" && cells[3]?["E"] == "Sở Nội vụ" && cells[3]?["G"] == "3")
        #expect(
            try RegisterPeriod(year: nil, month: nil, quarter: "2021-Q3", from: nil, to: nil)
                == RegisterPeriod(start: LocalDate(parsing: "1/7/2021"), end: LocalDate(parsing: "30/9/2021")))
        #expect(throws: RegistryError.emptyField(.period)) { try RegisterPeriod(year: 2021, month: "2021-08", quarter: nil, from: nil, to: nil) }
        #expect(throws: RegistryError.invalidPeriod("2021-13")) { try RegisterPeriod(year: nil, month: "2021-13", quarter: nil, from: nil, to: nil) }
        #expect(throws: RegistryError.invalidPeriod("2021-Q5")) { try RegisterPeriod(year: nil, month: nil, quarter: "2021-Q5", from: nil, to: nil) }
    }

    @Test func badRequestsLeaveNothingBehind() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder, today: "2022-01-31")
        defer { registry.close() }
        _ = try RegistrationService(registry).registerIncoming(
            IncomingDraft(issuer: "Sở Tài chính", typeCode: "CV", summary: "Năm mới", received: try LocalDate(parsing: "5/1/2022")))
        let year = try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil)
        let existing = folder.appendingPathComponent("co-san.xlsx")
        try Data("cũ".utf8).write(to: existing)
        #expect(throws: ExportError.outputExists(path: existing.path)) {
            try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: existing.path), from: registry)
        }
        #expect(try Data(contentsOf: existing) == Data("cũ".utf8))
        _ = try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: existing.path, overwrite: true), from: registry)
        #expect(try Data(contentsOf: existing).prefix(2) == Data("PK".utf8))
        #expect(throws: ExportError.folderMissing(path: folder.appendingPathComponent("khong-co").path)) {
            try RegisterExporter.export(
                ExportRequest(layout: "incoming", period: year, output: folder.appendingPathComponent("khong-co/x.xlsx").path), from: registry)
        }
        #expect(throws: ExportError.self) {
            try RegisterExporter.export(
                ExportRequest(
                    layout: "incoming", period: RegisterPeriod(year: 2020, month: nil, quarter: nil, from: nil, to: nil),
                    output: folder.appendingPathComponent("a.xlsx").path), from: registry)
        }
        #expect(throws: ExportError.crossesSeries(registers: ["Sổ đăng ký văn bản đến năm 2021", "Sổ đăng ký văn bản đến năm 2022"])) {
            try RegisterExporter.export(
                ExportRequest(
                    layout: "incoming", period: RegisterPeriod(year: nil, month: nil, quarter: nil, from: "1/12/2021", to: "31/1/2022"),
                    output: folder.appendingPathComponent("b.xlsx").path), from: registry)
        }
        #expect(try ExportFixtures.files(in: folder) == ["co-san.xlsx"], "no temporary or half-written file")
    }

    @Test func csvAndJSONCarryTheSameRows() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let year = try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil)
        let csv = folder.appendingPathComponent("so-den.csv").path
        let json = folder.appendingPathComponent("so-den.json").path
        _ = try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: csv, format: .csv), from: registry)
        _ = try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: json, format: .json), from: registry)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)).prefix(3) == Data([0xEF, 0xBB, 0xBF]), "a byte-order mark for Excel")
        #expect(text.contains("Ngày đến,Số đến,Tác giả,\"Số, ký hiệu văn bản\""))
        #expect(text.contains("24/08/2021,791,Huyện ủy Đăk Hà,27-BC/HU,16/08/2021,"))
        #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 5)
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [[String: Any]])
        #expect(documents.map { $0["arrivalNumber"] as? Int } == [791, 792, 793, 794])
    }

    /// A cell keeps 32,000 UTF-16 units (Excel holds 32,767; libxlsxwriter refuses more code
    /// points): a text of more UTF-8 bytes but fewer units stays whole, a longer one is cut
    /// between characters, never inside one.
    @Test func aLongTextIsCutAtItsCharactersNotItsBytes() throws {
        let folder = try ExportFixtures.folder()
        let path = folder.appendingPathComponent("dai.xlsx").path
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addWorksheet("Sổ")
        // "ệ" is 3 bytes in UTF-8 and one UTF-16 unit; "e" and U+0323 U+0302, one character of 5
        // bytes and 3 units; "📄", 4 bytes and 2 units.
        let texts = [
            String(repeating: "ệ", count: 20_000), String(repeating: "ệ", count: 40_000), String(repeating: "e\u{0323}\u{0302}", count: 33_000),
            String(repeating: "📄", count: 20_000),
        ]
        for (row, text) in texts.enumerated() { try sheet.write(.text(text), row: row, column: 0, format: nil) }
        try workbook.close()
        let cells = ExportFixtures.cells(try ExportFixtures.member("xl/worksheets/sheet1.xml", of: path))
        #expect(cells[1]?["A"] == texts[0])
        #expect(cells[2]?["A"] == String(repeating: "ệ", count: 32_000))
        #expect(cells[3]?["A"] == String(repeating: "e\u{0323}\u{0302}", count: 32_000 / 3))
        #expect(cells[4]?["A"] == String(repeating: "📄", count: 16_000))
    }

    /// An independent reader: openpyxl (set up by `make test` in a virtual environment).
    @Test(
        .enabled(
            if: ProcessInfo.processInfo.environment["VANTHU_PYTHON"].map { !$0.isEmpty } ?? false,
            "VANTHU_PYTHON with openpyxl is not set (make test sets it)"))
    func openpyxlReadsWhatTheDatabaseHolds() throws {
        let folder = try ExportFixtures.folder()
        let registry = try ExportFixtures.registry(in: folder)
        defer { registry.close() }
        let path = folder.appendingPathComponent("so-den.xlsx").path
        _ = try RegisterExporter.export(
            ExportRequest(layout: "incoming", period: RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil), output: path),
            from: registry)
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[1]
            rows = [[c.value for c in row] for row in ws.iter_rows()]
            out = {"sheets": wb.sheetnames, "rows": len(rows), "headings": rows[0], "data": [
                [v.strftime("%Y-%m-%d") if hasattr(v, "strftime") else v for v in r] for r in rows[2:]],
                "dateFormat": ws.cell(row=3, column=1).number_format, "landscape": ws.page_setup.orientation,
                "printTitles": ws.print_title_rows, "active": wb.active.title,
                "heights": [ws.row_dimensions[r].height for r in range(3, ws.max_row + 1)],
                "coverFooter": wb.worksheets[0].oddFooter.center.text}
            print(json.dumps(out, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.environment["VANTHU_PYTHON"] ?? "python3")
        process.arguments = ["-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try DocumentService(registry).documents(direction: .incoming, year: 2021)
        #expect(read["sheets"] as? [String] == ["Bìa", "Sổ đến"])
        #expect(read["rows"] as? Int == documents.count + 2)
        #expect((read["headings"] as? [String])?.first == "Ngày đến")
        #expect(read["dateFormat"] as? String == "dd/mm/yyyy")
        #expect(read["landscape"] as? String == "landscape")
        #expect(read["printTitles"] as? String == "$1:$2")
        // Opens (and prints) on the register; the cover carries no page number.
        #expect(read["active"] as? String == "Sổ đến")
        #expect(read["coverFooter"] is NSNull || (read["coverFooter"] as? String)?.isEmpty == true)
        // Every row has a height of its own, taller for the longer texts (one line of 12 pt at least).
        let heights = (read["heights"] as? [Any])?.compactMap { $0 as? Double } ?? []
        #expect(heights.count == documents.count && heights.allSatisfy { $0 >= 12 * 1.15 })
        #expect(Set(heights).count > 1, "\(heights)")
        let rows = try #require(read["data"] as? [[Any]])
        for (row, document) in zip(rows, documents) {
            #expect(row[0] as? String == document.registerDate.iso)
            #expect(row[1] as? Int == document.number)
            #expect(row[2] as? String == document.organName)
            #expect(row[3] as? String == document.notation?.full)
        }
        #expect(rows[0][5] as? String == "Báo cáo Kết quả 5 năm thực hiện công tác tuyên truyền miệng")
    }
}
