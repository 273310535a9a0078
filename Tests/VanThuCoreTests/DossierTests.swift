import Foundation
import GRDB
import Testing
import VanThuTestSupport

@testable import VanThuCore

@Suite struct DossierTests {
    /// The Danh mục of the tests, as the rows of a clerk's CSV: title rows, headings, numbering.
    static let catalogRows: [[String]] = [
        ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "", "", "", ""],
        ["DANH MỤC HỒ SƠ NĂM 2021", "", "", "", ""],
        ["Số và ký hiệu hồ sơ", "Tên đề mục và tiêu đề hồ sơ", "Thời hạn bảo quản", "Người lập hồ sơ", "Ghi chú"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["", "I. TỔ CHỨC, CÁN BỘ", "", "", ""],
        ["01.TCCB", "Hồ sơ tuyển dụng công chức năm 2021", "Vĩnh viễn", "Nguyễn Văn A", ""],
        ["02.TCCB", "Tập văn bản trao đổi về cán bộ", "10 năm", "Nguyễn Văn A", ""],
        ["", "II. THÔNG TIN - BÁO CHÍ", "", "", ""],
        ["", "1. Tuyên truyền", "", "", ""],
        ["01.TTBC", "Hồ sơ tuyên truyền các ngày lễ lớn", "5", "Trần Thị B", "Phòng TTBCXB"],
        ["Danh mục hồ sơ này có 3 hồ sơ", "", "", "", ""],
    ]

    static func registryWithCatalog(today: String = "2021-12-31") throws -> Registry {
        let registry = try Fixtures.makeRegistry(today: today)
        let file = CatalogFile(lines: try CatalogFile.parse(catalogRows), sha256: String(repeating: "0", count: 64))
        _ = try DossierService(registry).importCatalog(file, year: 2021, source: "danh-muc-2021.csv")
        return registry
    }

    static func register(
        _ registry: Registry, notation: String, issued: String, received: String, pages: Int? = nil, file: String? = nil
    ) throws -> Document {
        var draft = try Fixtures.incoming(notation: notation, received: received)
        draft.issuedDate = try LocalDate(parsing: issued)
        draft.pages = pages
        draft.fileNotation = file
        return try RegistrationService(registry).registerIncoming(draft)
    }

    static func journalCount(_ registry: Registry) throws -> Int { try JournalService(registry).entries().count }

    @Test func theCatalogueKeepsHeadingsAndOrderAndCountsTheFooter() throws {
        let registry = try Self.registryWithCatalog()
        defer { registry.close() }
        let catalog = try DossierService(registry).catalog(year: 2021)
        let texts: [String] = catalog.lines.map {
            switch $0 {
            case .heading(let h): "H\(h.level) \(h.text)"
            case .dossier(let d): "\(d.fileNotation) \(d.retention?.label ?? "-") \(d.status.rawValue)"
            }
        }
        #expect(
            texts == [
                "H1 I. TỔ CHỨC, CÁN BỘ", "01.TCCB Vĩnh viễn planned", "02.TCCB 10 năm planned",
                "H1 II. THÔNG TIN - BÁO CHÍ", "H2 1. Tuyên truyền", "01.TTBC 5 năm planned",
            ])
        #expect(catalog.summary == (3, 1, 2))
        #expect(try JournalService(registry).entries().last?.action == "import-catalog")
    }

    @Test func aCatalogueLineWithAnUnknownRetentionImportsNothing() throws {
        var rows = Self.catalogRows
        rows[6][2] = "Đến khi hết hiệu lực"
        #expect(
            throws: ArchiveError.catalogLine(line: 7, reason: ArchiveError.unknownRetention("Đến khi hết hiệu lực").text)
        ) {
            try CatalogFile.parse(rows)
        }
        // A file without the heading row whose first cell is no hồ sơ number is not a Danh mục.
        #expect(throws: ArchiveError.self) { try CatalogFile.parse([["a", "b"]]) }
        #expect(try CatalogFile.parse([["01.VP", "Kế hoạch", "10"]]).count == 1)
        var repeated = Self.catalogRows
        repeated[6][0] = "01.TCCB"
        #expect(throws: ArchiveError.self) { try CatalogFile.parse(repeated) }
        // Importing into a year that already uses a number adds nothing.
        let registry = try Self.registryWithCatalog()
        defer { registry.close() }
        let before = try Self.journalCount(registry)
        let again = CatalogFile(
            lines: [
                .entry(CatalogEntryDraft(fileNotation: "03.TCCB", title: "Mới"), line: 1),
                .entry(CatalogEntryDraft(fileNotation: "01.tccb", title: "Trùng"), line: 2),
            ], sha256: "")
        #expect(throws: ArchiveError.self) { try DossierService(registry).importCatalog(again, year: 2021, source: "x.csv") }
        #expect(try DossierService(registry).dossiers(year: 2021).count == 3)
        #expect(try Self.journalCount(registry) == before)
    }

    @Test func aHồSơLivesFromCatalogueToArchive() throws {
        let registry = try Self.registryWithCatalog()
        defer { registry.close() }
        // Registered in one order, dated in another: the ordinal follows the documents' dates.
        let late = try Self.register(registry, notation: "45/SNV-CCVC", issued: "15/9/2021", received: "16/9/2021", pages: 2, file: "01.tccb")
        let early = try Self.register(registry, notation: "12/UBND-NC", issued: "2/3/2021", received: "20/9/2021", pages: 3)
        #expect(late.fileNotation == "01.TCCB", "the stamp shows the hồ sơ's own spelling")
        let stamp = DocumentPrinter.stamp(late, organization: try SetupService(registry).organization())
        #expect(stamp.contains("Số và ký hiệu HS: 01.TCCB"))

        let filed = try DossierService(registry).file([early.reference], into: "01.TCCB", year: 2021)
        #expect(filed.documents.map(\.id) == [early.id, late.id])
        #expect(filed.dossier.status == .open)
        #expect(try DocumentService(registry).document(reference: early.reference).fileNotation == "01.TCCB")

        // One document in two hồ sơ: linked twice, stored once, stamp unchanged.
        _ = try DossierService(registry).file([early.reference], into: "02.TCCB", year: 2021)
        #expect(try DossierService(registry).dossiers(of: early.reference).map(\.fileNotation) == ["01.TCCB", "02.TCCB"])
        #expect(try DocumentService(registry).document(reference: early.reference).fileNotation == "01.TCCB")
        #expect(throws: ArchiveError.alreadyFiled(reference: early.reference, dossier: "2021/01.TCCB")) {
            try DossierService(registry).file([early.reference], into: "01.TCCB", year: 2021)
        }

        let closed = try DossierService(registry).closeDossier("01.TCCB", year: 2021, DossierClosing(endDate: "30/11/2021"))
        #expect(closed.status == .closed)
        #expect(closed.pageTotal == 5, "pages add up when every document has them")
        #expect(closed.startDate == LocalDate.parse("2021-03-02"))
        #expect(closed.transferDue == LocalDate.parse("2022-11-30"), "due at the archive a year after closing")
        #expect(throws: ArchiveError.dossierNotOpen("2021/01.TCCB", status: .closed)) {
            try DossierService(registry).file([early.reference], into: "01.TCCB", year: 2021)
        }

        var formsWritten = 0
        let transfer = try DossierService(registry).transfer(["01.TCCB"], year: 2021, deliveredBy: "Nguyễn Văn A", receivedBy: "Lê C") { transfer in
            formsWritten += 1
            #expect(transfer.dossiers.map(\.dossier.status) == [.archived])
            #expect(transfer.dossiers.first?.documents.count == 2)
        }
        #expect(formsWritten == 1)
        #expect(transfer.dossiers.first?.dossier.fileCode(organization: try SetupService(registry).organization()) == "STTTT.2021.01.TCCB")
        let journal = try JournalService(registry).entries().map(\.action)
        #expect(journal.suffix(1) == ["transfer-dossier"])
        #expect(journal.filter { $0 == "file" }.count == 3)
    }

    @Test func anArchivedHồSơAndItsDocumentsAreReadOnly() throws {
        let registry = try Self.registryWithCatalog()
        defer { registry.close() }
        let document = try Self.register(registry, notation: "45/SNV-CCVC", issued: "15/9/2021", received: "16/9/2021", file: "01.TCCB")
        _ = try DossierService(registry).closeDossier("01.TCCB", year: 2021, DossierClosing())
        _ = try DossierService(registry).transfer(["01.TCCB"], year: 2021) { _ in }
        let before = try Self.journalCount(registry)
        let refused = ArchiveError.documentArchived(reference: document.reference, dossier: "2021/01.TCCB")
        #expect(throws: refused) { try RegistrationService(registry).void(reference: document.reference, reason: "nhầm") }
        #expect(throws: refused) { try RegistrationService(registry).edit(reference: document.reference, changes: DocumentChanges(summary: "khác")) }
        #expect(throws: refused) { try HandlingService(registry).route(reference: document.reference, RoutingDraft(lead: "Văn phòng")) }
        let file = try Fixtures.temporaryFolder().appendingPathComponent("scan.pdf")
        try Data("%PDF-1.4 scan".utf8).write(to: file)
        #expect(throws: refused) { try AttachmentService(registry).attach(reference: document.reference, file: file.path) }
        #expect(throws: ArchiveError.dossierArchived("2021/01.TCCB")) { try DossierService(registry).reopenDossier("01.TCCB", year: 2021) }
        #expect(throws: ArchiveError.dossierArchived("2021/01.TCCB")) { try DossierService(registry).transfer(["01.TCCB"], year: 2021) { _ in } }
        #expect(try Self.journalCount(registry) == before)
        // Filing an archived document into another, open hồ sơ links it without changing it.
        _ = try DossierService(registry).file([document.reference], into: "02.TCCB", year: 2021)
        #expect(try DocumentService(registry).document(reference: document.reference) == document)

        // Behind vanthu's back, SQLite itself refuses.
        registry.close()
        let dbQueue = try DatabaseQueue(path: registry.path)
        defer { try? dbQueue.close() }
        #expect(throws: DatabaseError.self) {
            try dbQueue.write { try $0.execute(sql: "UPDATE document SET subject = 'sửa lén' WHERE id = ?", arguments: [document.id]) }
        }
        #expect(throws: DatabaseError.self) {
            try dbQueue.write { try $0.execute(sql: "UPDATE dossier SET title = 'x' WHERE fileNotation = '01.TCCB'") }
        }
        #expect(throws: DatabaseError.self) {
            try dbQueue.write { try $0.execute(sql: "DELETE FROM dossierDocument") }
        }
        #expect(
            try dbQueue.read { try String.fetchOne($0, sql: "SELECT subject FROM document WHERE id = ?", arguments: [document.id]) }
                == document.subject)
    }

    @Test func closingAndTransferCheckTheirRulesAndChangeNothingWhenRefused() throws {
        let registry = try Self.registryWithCatalog()
        defer { registry.close() }
        _ = try DossierService(registry).openDossier("99.VP", year: 2021, DossierDraft(title: "Hồ sơ ngoài Danh mục"))
        let before = try Self.journalCount(registry)
        #expect(throws: ArchiveError.dossierEmpty("2021/01.TCCB")) {
            try DossierService(registry).closeDossier("01.TCCB", year: 2021, DossierClosing())
        }
        #expect(throws: ArchiveError.dossierEmpty("2021/99.VP")) { try DossierService(registry).closeDossier("99.VP", year: 2021, DossierClosing()) }
        #expect(throws: ArchiveError.dossierNotFound("2021/77.VP")) { try DossierService(registry).openDossier("77.VP", year: 2021, DossierDraft()) }
        #expect(throws: ArchiveError.dossierExists("2021/99.VP")) {
            try DossierService(registry).openDossier("99.VP", year: 2021, DossierDraft(title: "lại"))
        }
        #expect(throws: ArchiveError.invalidFileNotation("01 TCCB")) {
            try DossierService(registry).openDossier("01 TCCB", year: 2021, DossierDraft(title: "x"))
        }
        #expect(throws: ArchiveError.unknownRetention("mãi mãi")) {
            try DossierService(registry).openDossier("98.VP", year: 2021, DossierDraft(title: "x", retention: try Retention(parsing: "mãi mãi")))
        }
        #expect(try Self.journalCount(registry) == before)

        let document = try Self.register(registry, notation: "45/SNV-CCVC", issued: "15/9/2021", received: "16/9/2021", file: "99.VP")
        let afterFiling = try Self.journalCount(registry)
        #expect(throws: ArchiveError.retentionMissing("2021/99.VP")) {
            try DossierService(registry).closeDossier("99.VP", year: 2021, DossierClosing())
        }
        #expect(throws: ArchiveError.endBeforeDocuments("2021/99.VP", latest: LocalDate.parse("2021-09-16")!)) {
            try DossierService(registry).closeDossier("99.VP", year: 2021, DossierClosing(endDate: "1/9/2021", retention: "10"))
        }
        #expect(throws: ArchiveError.dossierNotClosed("2021/99.VP", status: .open)) {
            try DossierService(registry).transfer(["99.VP"], year: 2021) { _ in }
        }
        #expect(try Self.journalCount(registry) == afterFiling)

        // A transfer whose forms cannot be written archives nothing.
        _ = try DossierService(registry).closeDossier("99.VP", year: 2021, DossierClosing(retention: "vinh-vien", construction: true))
        let diskFull = ArchiveError.fileUnreadable(path: "muc-luc.xlsx", reason: Bilingual(vi: "đĩa đầy", en: "disk full"))
        #expect(throws: diskFull) { try DossierService(registry).transfer(["99.VP"], year: 2021) { _ in throw diskFull } }
        #expect(try DossierService(registry).dossierContents("99.VP", year: 2021).dossier.status == .closed)
        _ = try RegistrationService(registry).void(reference: document.reference, reason: "đăng ký nhầm")
    }

    @Test func dueListsClosedHồSơThirtyDaysAheadAndXDCBAfterThreeMonths() throws {
        let registry = try Self.registryWithCatalog(today: "2021-12-31")
        defer { registry.close() }
        _ = try Self.register(registry, notation: "1/A-B", issued: "1/1/2021", received: "4/1/2021", file: "01.TCCB")
        _ = try Self.register(registry, notation: "2/A-B", issued: "1/1/2021", received: "4/1/2021", file: "02.TCCB")
        _ = try Self.register(registry, notation: "3/A-B", issued: "1/1/2021", received: "4/1/2021", file: "01.TTBC")
        _ = try DossierService(registry).closeDossier("01.TCCB", year: 2021, DossierClosing(endDate: "15/1/2021"))
        _ = try DossierService(registry).closeDossier("02.TCCB", year: 2021, DossierClosing(endDate: "30/11/2021", construction: true))
        _ = try DossierService(registry).closeDossier("01.TTBC", year: 2021, DossierClosing(endDate: "20/12/2021"))
        #expect(try DossierService(registry).dossiersDue(within: 30).map(\.fileNotation) == ["01.TCCB"])
        #expect(try DossierService(registry).dossiersDue(within: 70).map(\.fileNotation) == ["01.TCCB", "02.TCCB"])
        #expect(try DossierService(registry).dossiersDue(within: 400).map(\.fileNotation) == ["01.TCCB", "02.TCCB", "01.TTBC"])
    }

    @Test func expiringListsLimitedRetentionAndAHoldKeepsOneOut() throws {
        let registry = try Self.registryWithCatalog()
        defer { registry.close() }
        for (notation, file) in [("1/A-B", "01.TCCB"), ("2/A-B", "02.TCCB"), ("3/A-B", "01.TTBC")] {
            _ = try Self.register(registry, notation: notation, issued: "1/3/2021", received: "4/3/2021", file: file)
            _ = try DossierService(registry).closeDossier(file, year: 2021, DossierClosing(endDate: "1/6/2021"))
        }
        #expect(try DossierService(registry).expiringDossiers(year: 2025).eligible.isEmpty)
        #expect(try DossierService(registry).expiringDossiers(year: 2026).eligible.map(\.fileNotation) == ["01.TTBC"])
        #expect(
            try DossierService(registry).expiringDossiers(year: 2031).eligible.map(\.fileNotation) == ["01.TTBC", "02.TCCB"],
            "vĩnh viễn never expires")
        _ = try DossierService(registry).holdDossier("01.TTBC", year: 2021, reason: "Thanh tra đang xem xét")
        let held = try DossierService(registry).expiringDossiers(year: 2031)
        #expect(held.eligible.map(\.fileNotation) == ["02.TCCB"])
        #expect(held.held.map(\.fileNotation) == ["01.TTBC"])
        _ = try DossierService(registry).releaseDossier("01.TTBC", year: 2021)
        #expect(throws: ArchiveError.noHold("2021/01.TTBC")) { try DossierService(registry).releaseDossier("01.TTBC", year: 2021) }
        #expect(try JournalService(registry).entries().suffix(2).map(\.action) == ["hold-dossier", "release-dossier"])
    }

    @Test(arguments: [
        ("Vĩnh viễn", Retention.permanent), ("vinh vien", .permanent), ("VV", .permanent), ("vinh-vien", .permanent),
        ("10", .years(10)), ("10 năm", .years(10)), ("20 nam", .years(20)), ("5 years", .years(5)),
    ])
    func retentionReadsWhatClerksWrite(text: String, expected: Retention) throws {
        #expect(try Retention(parsing: text) == expected)
    }

    @Test(arguments: ["", "0", "mãi mãi", "10 tháng", "-5", "1000"])
    func retentionRefusesTheRest(text: String) {
        #expect(throws: ArchiveError.unknownRetention(text)) { try Retention(parsing: text) }
    }

    @Test func anOlderDatabaseKeepsItsHồSơNumbers() throws {
        let context = RegistryContext(user: "t", today: LocalDate.parse("2021-12-31"))
        let registry = try Fixtures.makeRegistry()
        let document = try RegistrationService(registry).registerIncoming(try Fixtures.incoming())
        registry.close()
        // Rebuild the file as vanthu 3 left it: no v4 tables, a hồ sơ number typed as free text.
        let dbQueue = try DatabaseQueue(path: registry.path)
        try dbQueue.writeWithoutTransaction { db in
            for trigger in ["document", "handlingStep", "dispatch"] { try db.execute(sql: "DROP TRIGGER \(trigger)_archived_is_read_only") }
            for table in ["attachment", "dossierDocument", "dossier", "archiveTransfer", "catalogHeading"] {
                try db.execute(sql: "DROP TABLE \(table)")
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-dossiers-attachments'")
            try db.execute(sql: "UPDATE document SET fileNotation = '01.TTBCBC' WHERE id = ?", arguments: [document.id])
        }
        try dbQueue.close()
        let migrated = try Registry.open(at: registry.path, context: context)
        defer { migrated.close() }
        let contents = try DossierService(migrated).dossierContents("01.TTBCBC", year: 2021)
        #expect(contents.dossier.status == .open)
        #expect(contents.documents.map(\.id) == [document.id])
    }
}
