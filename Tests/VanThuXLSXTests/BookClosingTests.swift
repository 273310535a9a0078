import Foundation
import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuXLSX

/// Đóng sổ: the closing block read back from the PDF by poppler, the closed book refusing
/// changes with the file unchanged, corrections, and a second volume numbering on.
@Suite struct BookClosingTests {
    static func pages(of pdf: String) throws -> Int {
        let info = try PDFExportTests.run(["pdfinfo", pdf])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    static func text(of pdf: String) throws -> String {
        // Lines joined: a statement that wraps still reads as one.
        try PDFExportTests.run(["pdftotext", "-raw", pdf, "-"]).split(separator: "\n").joined(separator: " ")
    }

    @Test func closingPrintsTheBlockRecordsTheHashAndLocksTheBook() throws {
        let folder = try ExportFixtures.folder()
        let registry = try PDFExportTests.registry(in: folder)
        defer { registry.close() }
        let pdf = folder.appendingPathComponent("so-den-2021.pdf").path
        let (closing, summary) = try BookClosing.close(
            .init(kind: .incoming, year: 2021, output: pdf, closerName: "Nguyễn Thị Lan"), in: registry)

        // The statement's page count is the register's pages in the file (the cover is not counted).
        let pages = try Self.pages(of: pdf)
        #expect(closing.pages == pages - 1 && summary.pages == closing.pages)
        #expect(closing.entries == 150 && closing.voided == 1 && closing.missing == 0)
        let text = try Self.text(of: pdf)
        let statement =
            "Sổ này có \(closing.pages) trang, đánh số từ trang 01 đến trang \(closing.pages < 10 ? "0" : "")\(closing.pages); từ số 1 đến số 150, trong đó có 1 số đã hủy."
        #expect(text.contains(statement), "\(text.suffix(600))")
        #expect(text.contains("Kon Tum, ngày 31 tháng 12 năm 2021"))
        #expect(text.contains("NGƯỜI LẬP SỔ") && text.contains("THỦ TRƯỞNG CƠ QUAN") && text.contains("Nguyễn Thị Lan"))
        // The block sits on the last page, below the last row, printed over nothing.
        let lines = try PDFExportTests.lines(of: pdf)
        #expect(PDFExportTests.overprinted(lines) == 0)
        let last = lines.filter { $0.page == pages }
        let statementLine = try #require(last.first { $0.text.hasPrefix("Sổ này có") })
        #expect(last.contains { $0.text.contains("Trang \(closing.pages) / \(closing.pages)") })
        #expect(last.filter { $0.text.hasPrefix("Nguyễn Thị Lan") }.allSatisfy { $0.yMin > statementLine.yMax })

        // The journal keeps the closing with the SHA-256 of the file as written.
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let entry = try #require(try JournalService(registry).entries().last)
        #expect(entry.action == "close-register" && entry.after?.contains(SHA256.hex(of: data)) == true)
        #expect(closing.pdfSHA256 == SHA256.hex(of: data))
        #expect(try JournalService(registry).verifyJournal().isIntact)

        // Closed: no registration, edit or void; the file is unchanged by each refusal.
        let database = folder.appendingPathComponent("vanthu.sqlite")
        let before = try Data(contentsOf: database)
        #expect(throws: RegistryError.registerClosed("Sổ đăng ký văn bản đến năm 2021")) {
            try RegistrationService(registry).registerIncoming(
                IncomingDraft(issuer: "Sở Tài chính", notation: try DocumentNotation(parsing: "9/STC-NS"), summary: "x", received: "31/12/2021"))
        }
        #expect(throws: BookError.closed(book: "Sổ đăng ký văn bản đến năm 2021", reference: "den/2021/5")) {
            try RegistrationService(registry).edit(reference: "den/2021/5", changes: DocumentChanges(summary: "Trích yếu khác"))
        }
        #expect(throws: BookError.closed(book: "Sổ đăng ký văn bản đến năm 2021", reference: "den/2021/5")) {
            try RegistrationService(registry).void(reference: "den/2021/5", reason: "Thử hủy sau khi đóng sổ")
        }
        #expect(throws: BookError.self) { try BookClosing.close(.init(kind: .incoming, year: 2021, output: pdf + "2.pdf"), in: registry) }
        #expect(!FileManager.default.fileExists(atPath: pdf + "2.pdf"))
        #expect(try Data(contentsOf: database) == before)

        // A correction prints beside the entry, the closed book's figures stay as signed.
        _ = try RegisterService(registry).annotate(reference: "den/2021/5", note: "Tác giả đúng là Ủy ban nhân dân huyện Đăk Tô")
        let reprint = folder.appendingPathComponent("in-lai.pdf").path
        _ = try RegisterExporter.export(
            ExportRequest(layout: "incoming", period: try RegisterPeriod(start: "1/1/2021", end: "31/12/2021"), output: reprint, format: .pdf),
            from: registry)
        let again = try Self.text(of: reprint).filter { !$0.isWhitespace }
        #expect(again.contains("Đínhchínhngày31/12/2021(vănthư):TácgiảđúnglàỦybannhândânhuyệnĐăkTô"))
        #expect(again.contains(statement.filter { !$0.isWhitespace }))
        // A month of the closed book is a printout, not the book: no closing block.
        let month = folder.appendingPathComponent("thang-3.pdf").path
        _ = try RegisterExporter.export(
            ExportRequest(layout: "incoming", period: try RegisterPeriod(start: "1/3/2021", end: "31/3/2021"), output: month, format: .pdf),
            from: registry)
        #expect(!(try Self.text(of: month)).contains("Sổ này có"))
    }

    @Test func aSecondVolumeNumbersOnAndPrintsOnItsOwn() throws {
        let folder = try ExportFixtures.folder()
        let registry = try PDFExportTests.registry(in: folder)
        defer { registry.close() }
        let service = RegisterService(registry)
        // A volume opens only once the current one is closed.
        #expect(throws: BookError.volumeStillOpen("Sổ đăng ký văn bản đến năm 2021")) { try service.openVolume(kind: .incoming) }
        _ = try BookClosing.close(.init(kind: .incoming, year: 2021, output: folder.appendingPathComponent("q1.pdf").path), in: registry)

        let volume = try service.openVolume(kind: .incoming)
        #expect(volume.volume == 2 && volume.title == "Sổ đăng ký văn bản đến năm 2021, quyển số 2")
        let document = try RegistrationService(registry).registerIncoming(
            IncomingDraft(
                issuer: "Sở Tài chính", notation: try DocumentNotation(parsing: "9/STC-NS"), summary: "Về ngân sách", received: "31/12/2021"))
        #expect(document.reference == "den/2021/151")
        // Each volume prints on its own: the period asks which.
        let pdf = folder.appendingPathComponent("q2.pdf").path
        let year = try RegisterPeriod(start: "1/1/2021", end: "31/12/2021")
        #expect(throws: ExportError.severalVolumes(book: "Sổ đăng ký văn bản đến năm 2021", volumes: [1, 2])) {
            try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: pdf, format: .pdf), from: registry)
        }
        let summary = try RegisterExporter.export(
            ExportRequest(layout: "incoming", period: year, output: pdf, format: .pdf, volume: 2), from: registry)
        #expect(summary.rows == 1)
        let text = try Self.text(of: pdf)
        #expect(text.contains("Quyển số: 2") && text.contains("Từ số 151 đến số 151") && text.contains("Về ngân sách"))
        #expect(!text.contains("Kế hoạch số 1-KH/TU"))
        // The first volume still prints whole and closed.
        let first = folder.appendingPathComponent("q1-in-lai.pdf").path
        _ = try RegisterExporter.export(ExportRequest(layout: "incoming", period: year, output: first, format: .pdf, volume: 1), from: registry)
        #expect(try Self.text(of: first).contains("từ số 1 đến số 150, trong đó có 1 số đã hủy."))
        #expect(try JournalService(registry).verifyJournal().isIntact)
    }

    /// A Party book with a series per type (HD 36): the cover gives each type's range, the rows
    /// keep the order the documents were issued in, and the closing block each range.
    @Test func aPartyBookPerTypeListsRowsInIssueOrderWithARangePerType() throws {
        let folder = try ExportFixtures.folder()
        let registry = try Registry.create(
            at: folder.appendingPathComponent("vanthu.sqlite").path,
            organization: Organization(name: "BAN TUYÊN GIÁO TỈNH ỦY", code: "BTGTU", parentName: "TỈNH ỦY KON TUM", place: "Kon Tum", style: .party),
            outgoingPerType: true, term: (start: "15/10/2020", end: "14/10/2025"),
            context: RegistryContext(user: "văn thư", today: LocalDate.parse("2021-12-31")))
        defer { registry.close() }
        let signer = Signer(capacity: "T/M BAN", position: "TRƯỞNG BAN", fullName: "Nguyễn Văn A")
        for (index, type) in ["QĐ", "BC", "QĐ", "BC", "BC"].enumerated() {
            _ = try RegistrationService(registry).registerOutgoing(
                OutgoingDraft(
                    typeCode: type, summary: "Văn bản thứ \(index + 1)", issuedDate: LocalDate.parse("2021-03-0\(index + 1)"), signer: signer))
        }
        let pdf = folder.appendingPathComponent("so-di.pdf").path
        let year = try RegisterPeriod(start: "1/1/2021", end: "31/12/2021")
        _ = try RegisterExporter.export(ExportRequest(layout: "outgoing", period: year, output: pdf, format: .pdf), from: registry)
        let text = try Self.text(of: pdf)
        #expect(text.contains("BC: từ số 1 đến số 3") && text.contains("QĐ: từ số 1 đến số 2"), "\(text.prefix(800))")
        let order = (1...5).compactMap { text.range(of: "Văn bản thứ \($0)")?.lowerBound }
        #expect(order.count == 5 && order == order.sorted(), "rows in the order issued")

        let (closing, _) = try BookClosing.close(
            .init(kind: .outgoing, year: 2021, output: folder.appendingPathComponent("dong.pdf").path), in: registry)
        #expect(closing.ranges.map(\.series) == ["BC", "QĐ"])
        #expect(closing.statement(pages: 1).contains("từ số 1 đến số 3 (BC), từ số 1 đến số 2 (QĐ), trong đó có 0 số đã hủy."))
    }
}
