import Foundation
import GRDB
import Testing
import VanThuReaders
import VanThuTestSupport

@testable import VanThuCore
@testable import VanThuXLSX

@Suite struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func emptyRegistry(_ folder: URL, today: String = "2021-12-31") throws -> Registry {
        let organization = Organization(
            name: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", code: "STTTT", parentName: "UBND TỈNH KON TUM", place: "Kon Tum", style: .state)
        return try Registry.create(
            at: folder.appendingPathComponent("import.sqlite").path, organization: organization,
            context: RegistryContext(user: "văn thư", today: LocalDate.parse(today)))
    }

    func options(_ direction: Direction, skipBad: Bool = false, dryRun: Bool = false, allowGaps: Bool = false) -> ImportOptions {
        var options = ImportOptions(direction: direction)
        options.skipBad = skipBad
        options.dryRun = dryRun
        options.allowGaps = allowGaps
        return options
    }

    /// The database's state: documents, journal lines, and the file's bytes after a checkpoint.
    func state(_ registry: Registry) throws -> [String] {
        let queue = try DatabaseQueue(path: registry.path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT number || '|' || subject FROM document ORDER BY id")
                + String.fetchAll(db, sql: "SELECT action || '|' || coalesce(reference, '') FROM journal ORDER BY id")
        }
    }

    @Test func anOpenpyxlWorkbookWithMergedTitleRowsIsRead() throws {
        let folder = try ExportFixtures.folder()
        let registry = try emptyRegistry(folder)
        defer { registry.close() }
        let source = RegisterImporter.Source(path: Self.fixtures.appendingPathComponent("so-den-2020-openpyxl.xlsx").path)
        let before = try state(registry)
        // Row 14 has the date 32/13/2020: nothing is imported.
        #expect {
            _ = try RegisterImporter.importFile(source, into: registry, options: options(.incoming))
        } throws: { error in
            guard case ImportError.badRows(let problems) = error else { return false }
            return problems.map(\.row) == [14] && problems[0].reason.vi.contains("32/13/2020")
        }
        #expect(try state(registry) == before)

        let dry = try RegisterImporter.importFile(source, into: registry, options: options(.incoming, dryRun: true))
        #expect(dry.committed == false && dry.rowsRead == 6 && dry.problems.count == 1 && dry.headingRow == 7)
        #expect(try state(registry) == before)

        let report = try RegisterImporter.importFile(source, into: registry, options: options(.incoming, skipBad: true))
        #expect(report.committed && report.imported == 5 && report.sheet == "Sổ đến 2020")
        #expect(report.series.map(\.gaps) == [["4"]])
        #expect(report.series.first?.nextNumber == 7)
        let documents = try DocumentService(registry).documents(direction: .incoming, year: 2020)
        #expect(documents.map(\.number) == [1, 2, 3, 5, 6])
        #expect(documents.map(\.registerDate.iso) == ["2020-01-03", "2020-01-06", "2020-01-07", "2020-01-08", "2020-01-09"])
        #expect(documents[0].notation?.full == "12-HD/BTGTU" && documents[0].typeCode == "HD" && documents[0].issuedDate?.iso == "2020-01-02")
        #expect(documents[0].handler == "Phòng Thông tin - Báo chí - Xuất bản" && documents[0].transferDate?.iso == "2020-01-03")
        #expect(documents[1].urgency == .khan && documents[1].typeCode == "QĐ" && documents[1].note == nil)
        #expect(documents[2].issuedDate?.iso == "2020-01-06" && documents[2].typeCode == "CV")
        #expect(documents[3].typeName == "Công văn" && documents[3].subject == "về việc học tập nghị quyết")
        #expect(documents.allSatisfy { $0.status == .untracked })
        // One journal line for the whole import, with the file's hash.
        let entry = try #require(try JournalService(registry).entries().last)
        #expect(entry.action == "import" && entry.after?.contains(report.sha256) == true && entry.after?.contains("\"skippedRows\":[14]") == true)
        // The series continues after the highest imported number; the file cannot come in twice.
        #expect(
            try RegistrationService(registry).registerIncoming(
                IncomingDraft(issuer: "Sở Tài chính", typeCode: "TB", summary: "Thông báo", received: try LocalDate(parsing: "10/1/2020"))
            ).number == 7)
        #expect(throws: ImportError.self) { try RegisterImporter.importFile(source, into: registry, options: options(.incoming, skipBad: false)) }
    }

    @Test func aWindows1258CSVIsDetectedAndRead() throws {
        let folder = try ExportFixtures.folder()
        let registry = try emptyRegistry(folder)
        defer { registry.close() }
        let path = Self.fixtures.appendingPathComponent("so-di-2020-windows-1258.csv").path
        #expect(String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .utf8) == nil)
        let report = try RegisterImporter.importFile(RegisterImporter.Source(path: path), into: registry, options: options(.outgoing))
        #expect(report.imported == 3 && report.headingRow == 3 && report.series.map(\.gaps) == [["3"]])
        #expect(report.series.first?.nextNumber == 5)
        let documents = try DocumentService(registry).documents(direction: .outgoing, year: 2020)
        #expect(
            documents.map(\.subject) == [
                "V/v đăng ký lịch công tác tháng 1", "Kết quả công tác thông tin đối ngoại năm 2019", "Tuyên truyền chuyển đổi số năm 2020",
            ])
        #expect(documents.map(\.typeCode) == ["CV", "BC", "KH"])
        #expect(documents[0].signer == Signer(position: "GIÁM ĐỐC", fullName: "Trần Văn Đức"))
        #expect(documents[1].recipients == ["Bộ Thông tin và Truyền thông", "UBND tỉnh (b/c)"])
        #expect(documents[1].issuedAmount == 3 && documents[1].archiveCopy == "VT, TTBCXB" && documents[1].notation?.full == "02/BC-STTTT")
        // The same text named as UTF-8 is refused, with the encodings to try.
        #expect(throws: ImportError.undecodableText(path: path, encoding: "utf-8")) {
            try RegisterImporter.importFile(
                RegisterImporter.Source(path: path, encoding: "utf-8"), into: registry, options: options(.outgoing, dryRun: true))
        }
    }

    @Test func anExportedRegisterImportsBackAsTheSameDocuments() throws {
        let folder = try ExportFixtures.folder()
        let original = try ExportFixtures.registry(in: folder)
        defer { original.close() }
        _ = try HandlingService(original).route(
            reference: "den/2021/792", RoutingDraft(lead: "Văn phòng Sở", coUnits: ["Thanh tra Sở"], due: "10/9/2021", date: "25/8/2021"))
        let year = try RegisterPeriod(year: 2021, month: nil, quarter: nil, from: nil, to: nil)
        let incoming = folder.appendingPathComponent("so-den.xlsx").path
        let outgoing = folder.appendingPathComponent("so-di.xlsx").path
        _ = try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: incoming), from: original)
        _ = try RegisterExporter.export(ExportRequest(layout: "outgoing", period: year, output: outgoing), from: original)
        let copyFolder = try ExportFixtures.folder()
        let copy = try emptyRegistry(copyFolder)
        defer { copy.close() }
        // The original's 2021 series start at 791 (continued from paper): in the copy, the
        // register in use, numbers 1–790 are missing, which must be confirmed.
        #expect(throws: ImportError.gapsInLiveSeries(register: "Sổ đăng ký văn bản đến năm 2021", gaps: ["1–790"], next: 795)) {
            try RegisterImporter.importFile(RegisterImporter.Source(path: incoming), into: copy, options: options(.incoming))
        }
        _ = try RegisterImporter.importFile(RegisterImporter.Source(path: incoming), into: copy, options: options(.incoming, allowGaps: true))
        _ = try RegisterImporter.importFile(RegisterImporter.Source(path: outgoing), into: copy, options: options(.outgoing, allowGaps: true))

        func fields(_ d: Document) -> [String] {
            // A voided number keeps its type and trích yếu in the book, and they come back with it.
            [
                d.displayNumber, d.registerDate.iso, d.organName, d.notation?.full ?? "", d.issuedDate?.iso ?? "", d.typeCode,
                d.subject, d.handler ?? "", d.coHandlers.joined(separator: "|"), d.transferDate?.iso ?? "",
                d.urgency?.rawValue ?? "", d.voided?.reason ?? "", d.signer?.summary ?? "", d.recipients.joined(separator: "|"),
                d.archiveCopy ?? "", d.issuedAmount.map(String.init) ?? "",
            ]
        }
        for direction in [Direction.incoming, .outgoing] {
            let before = try DocumentService(original).documents(direction: direction, year: 2021).map(fields)
            let after = try DocumentService(copy).documents(direction: direction, year: 2021).map(fields)
            #expect(before.count >= 2)
            #expect(after == before, "\(direction)")
        }
    }

    @Test(.tags(.stress)) func aFailureOnTheLastOfThousandsOfRowsLeavesTheDatabaseUnchanged() throws {
        let folder = try ExportFixtures.folder()
        let created = try emptyRegistry(folder)
        let path = created.path
        created.close()
        var lines = ["Ngày đến,Số đến,Tác giả,Số ký hiệu,Tên loại và trích yếu"]
        let rows = Stress.size(quick: 5_000, full: 50_000)
        for n in 1...rows {
            let day = n == rows ? "31/02/2021" : "\(n % 28 + 1)/\(n % 12 + 1)/2021"
            lines.append("\(day),\(n),Sở Nội vụ,\(n)/SNV-VP,Công văn số \(n)")
        }
        let csv = folder.appendingPathComponent("so-den-lon.csv").path
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let bytesBefore = try Data(contentsOf: URL(fileURLWithPath: path))
        let registry = try Registry.open(at: path, context: RegistryContext(user: "văn thư", today: LocalDate.parse("2021-12-31")))
        let before = try state(registry)
        #expect {
            _ = try RegisterImporter.importFile(RegisterImporter.Source(path: csv), into: registry, options: options(.incoming))
        } throws: { error in
            guard case ImportError.badRows(let problems) = error else { return false }
            return problems.map(\.row) == [rows + 1]
        }
        #expect(try state(registry) == before)
        #expect(try SearchService(registry).search(SearchQuery(text: "cong van")).total == 0)
        registry.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytesBefore)
    }

    @Test func headingsWithoutDiacriticsAndAMappingFile() throws {
        let folder = try ExportFixtures.folder()
        let registry = try emptyRegistry(folder)
        defer { registry.close() }
        let plain = folder.appendingPathComponent("plain.csv").path
        try "NGAY DEN;SO DEN;TAC GIA;SO, KY HIEU;TEN LOAI VA TRICH YEU\n5/3/2021;1;Sở Nội vụ;12/SNV-VP;Công văn Về việc A\n".write(
            toFile: plain, atomically: true, encoding: .utf8)
        #expect(try RegisterImporter.importFile(RegisterImporter.Source(path: plain), into: registry, options: options(.incoming)).imported == 1)

        let odd = folder.appendingPathComponent("odd.csv").path
        try "Nhận lúc\tSTT sổ\tNơi phát hành\tNội dung chính\tKhông cần\n2021-03-06\t2\tSở Tài chính\tThông báo B\tx\n".write(
            toFile: odd, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.noHeadingRow(path: odd)) {
            try RegisterImporter.importFile(RegisterImporter.Source(path: odd), into: registry, options: options(.incoming))
        }
        let mapping = folder.appendingPathComponent("map.toml").path
        try """
        # cột của sổ cũ
        [columns]
        "Nhận lúc" = "arrivalDate"
        "STT sổ" = "number"
        "Nơi phát hành" = "issuer"
        "Nội dung chính" = "subject"
        "Không cần" = "ignore"
        """.write(toFile: mapping, atomically: true, encoding: .utf8)
        let report = try RegisterImporter.importFile(
            RegisterImporter.Source(path: odd, mappingPath: mapping), into: registry, options: options(.incoming))
        #expect(report.imported == 1 && report.columns["Nhận lúc"] == "arrivalDate")
        #expect(try DocumentService(registry).document(reference: "den/2021/2").organName == "Sở Tài chính")

        try "[columns]\n\"A\" = \"ngayDen\"\n".write(toFile: mapping, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) {
            try RegisterImporter.importFile(RegisterImporter.Source(path: odd, mappingPath: mapping), into: registry, options: options(.incoming))
        }
    }

    @Test func brokenFilesAreRefusedWithAReason() throws {
        let folder = try ExportFixtures.folder()
        let registry = try emptyRegistry(folder)
        defer { registry.close() }
        let good = try Data(contentsOf: Self.fixtures.appendingPathComponent("so-den-2020-openpyxl.xlsx"))
        let cut = folder.appendingPathComponent("cut.xlsx").path
        try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: cut))
        #expect(throws: ImportError.self) { try RegisterImporter.importFile(.init(path: cut), into: registry, options: options(.incoming)) }
        // A flipped byte inside a compressed member fails its CRC.
        var flipped = good
        flipped[200] ^= 0xFF
        let bad = folder.appendingPathComponent("flipped.xlsx").path
        try flipped.write(to: URL(fileURLWithPath: bad))
        #expect(throws: ImportError.self) { try RegisterImporter.importFile(.init(path: bad), into: registry, options: options(.incoming)) }
        let xls = folder.appendingPathComponent("old.xls").path
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: xls))
        #expect {
            try RegisterImporter.importFile(.init(path: xls), into: registry, options: options(.incoming))
        } throws: { error in
            // Named as what it is, in both languages.
            guard case ImportError.unreadableWorkbook(xls, let reason) = error else { return false }
            return reason.vi.contains("97–2003") && reason.en.contains("97–2003")
        }
        #expect(throws: ImportError.fileUnreadable(path: folder.path)) {
            try RegisterImporter.importFile(.init(path: folder.path), into: registry, options: options(.incoming))
        }
        let missing = folder.appendingPathComponent("columns.csv").path
        try "Ngày đến,Số đến,Ghi chú\n1/1/2021,1,x\n".write(toFile: missing, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) { try RegisterImporter.importFile(.init(path: missing), into: registry, options: options(.incoming)) }
        #expect(throws: ImportError.sheetNotFound("Không có", sheets: ["Sổ đến 2020"])) {
            try RegisterImporter.importFile(
                .init(path: Self.fixtures.appendingPathComponent("so-den-2020-openpyxl.xlsx").path, sheet: "Không có"),
                into: registry, options: options(.incoming))
        }
        // An incoming register given as outgoing is refused as a whole, not imported row by row.
        let incoming = Self.fixtures.appendingPathComponent("so-den-2020-openpyxl.xlsx").path
        #expect(throws: ImportError.incomingRegister(path: incoming)) {
            try RegisterImporter.importFile(.init(path: incoming), into: registry, options: options(.outgoing, skipBad: true))
        }
        #expect(
            try DocumentService(registry).documents(direction: .incoming).isEmpty && DocumentService(registry).documents(direction: .outgoing).isEmpty
        )
    }

    /// Registration and import share one set of rules for a document's dates: a row an old
    /// register got wrong is refused for the reason a clerk typing it would be given.
    @Test func importRefusesTheDatesRegistrationRefuses() throws {
        let folder = try ExportFixtures.folder()
        let registry = try emptyRegistry(folder)
        defer { registry.close() }
        let csv = folder.appendingPathComponent("dates.csv").path
        try """
        Ngày đến;Số đến;Tác giả;Số, ký hiệu;Ngày tháng;Tên loại và trích yếu;Thời hạn giải quyết
        5/3/2021;1;Sở Nội vụ;12/SNV-VP;4/3/2021;Công văn Về việc A;
        5/3/2021;2;Sở Nội vụ;13/SNV-VP;6/3/2021;Công văn Về việc B;
        5/3/2021;3;Sở Nội vụ;14/SNV-VP;4/3/2021;Công văn Về việc C;1/3/2021

        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let arrival = try LocalDate(parsing: "5/3/2021")
        let issuedAfter = IncomingDraft(
            issuer: "Sở Nội vụ", issuedDate: try LocalDate(parsing: "6/3/2021"), summary: "Về việc B", received: arrival)
        let dueBefore = IncomingDraft(
            issuer: "Sở Nội vụ", issuedDate: try LocalDate(parsing: "4/3/2021"), summary: "Về việc C", received: arrival,
            dueDate: try LocalDate(parsing: "1/3/2021"))
        var typed: [Bilingual] = []
        for draft in [issuedAfter, dueBefore] {
            do {
                _ = try RegistrationService(registry).registerIncoming(draft)
                Issue.record("registered \(draft.summary)")
            } catch let error as RegistryError {
                typed.append(error.text)
            }
        }
        do {
            _ = try RegisterImporter.importFile(.init(path: csv), into: registry, options: options(.incoming))
            Issue.record("imported rows with impossible dates")
        } catch ImportError.badRows(let problems) {
            #expect(problems.map(\.row) == [3, 4])
            #expect(problems.map(\.reason) == typed)
        }
        #expect(try DocumentService(registry).documents(direction: .incoming).isEmpty)
    }

    @Test func datesInTheFormsClerksTypeThem() {
        let serial = ImportRowReader.date(.number(44_428), date1904: false)
        #expect(serial?.iso == "2021-08-20")
        #expect(ImportRowReader.date(.number(42_966), date1904: true)?.iso == "2021-08-20")
        for text in [
            "20/8/2021", "20/08/21", "20-8-2021", "20.08.2021", "2021-08-20", "ngày 20 tháng 8 năm 2021", "20/8/2021 10:30", "2021-08-20T00:00:00",
        ] {
            #expect(ImportRowReader.date(.text(text), date1904: false)?.iso == "2021-08-20", "\(text)")
        }
        for text in ["31/2/2021", "20/8", "hôm qua", "0"] {
            #expect(ImportRowReader.date(.text(text), date1904: false) == nil, "\(text)")
        }
        #expect(ImportRowReader.number("791")! == (791, ""))
        #expect(ImportRowReader.number("791a")! == (791, "a"))
        #expect(ImportRowReader.number("Số 791")! == (791, ""))
        #expect(ImportRowReader.number("791/1") == nil)
    }
}
