import Testing
import VanThuTestSupport

@testable import VanThuCore

/// Every case of every error type, in both languages: built from the enums, so that a new case
/// cannot be missed (its `Kind` must exist, and so must its sample here).
@Suite struct ErrorMessageTests {
    /// Every field a message can name has its name in both languages.
    @Test(arguments: RegistryError.Field.allCases)
    func everyFieldHasANameInBothLanguages(field: RegistryError.Field) {
        #expect(!field.name(in: .vi).isEmpty && !field.name(in: .en).isEmpty)
        #expect(RegistryError.emptyField(field).message(in: .vi) != RegistryError.emptyField(field).message(in: .en))
    }

    @Test(arguments: RegistryError.Kind.allCases)
    func everyRegistryErrorHasItsMessageInBothLanguages(kind: RegistryError.Kind) throws {
        let error = RegistryError.sample(kind, date: try LocalDate(parsing: "1/1/2021"))
        #expect(error.kind == kind)
        expectClerkMessages(error)
    }

    @Test(arguments: ArchiveError.Kind.allCases)
    func everyArchiveErrorHasItsMessageInBothLanguages(kind: ArchiveError.Kind) throws {
        let error = ArchiveError.sample(kind, date: try LocalDate(parsing: "1/1/2021"))
        #expect(error.kind == kind)
        expectClerkMessages(error)
    }

    @Test(arguments: ImportError.Kind.allCases)
    func everyImportErrorHasItsMessageInBothLanguages(kind: ImportError.Kind) throws {
        let error = ImportError.sample(kind, date: try LocalDate(parsing: "1/1/2021"))
        #expect(error.kind == kind)
        expectClerkMessages(error, severalLines: true)
    }

    @Test(arguments: ExchangeError.Kind.allCases)
    func everyExchangeErrorHasItsMessageInBothLanguages(kind: ExchangeError.Kind) throws {
        let error: ExchangeError =
            switch kind {
            case .missing: .missing(source: "a.edxml", element: "Code")
            case .badNumber: .badNumber(source: "a.edxml", value: "74fass22")
            case .unknownDocument: .unknownDocument(source: "a.edxml", nationalId: "x")
            case .shortReason: .shortReason
            case .badOrganId: .badOrganId("x y")
            case .noAgencies: .noAgencies(reference: "di/2026/1")
            case .someRefused: .someRefused(refused: 2, total: 5)
            case .numberForOne: .numberForOne
            }
        #expect(error.kind == kind)
        expectClerkMessages(error)
    }

    @Test(arguments: TrustError.Kind.allCases)
    func everyTrustErrorHasItsMessageInBothLanguages(kind: TrustError.Kind) throws {
        let error: TrustError =
            switch kind {
            case .emptyCertificate: .emptyCertificate
            case .notFound: .notFound("3f2a9c1b")
            case .ambiguous: .ambiguous("3f2a", count: 2)
            }
        #expect(error.kind == kind)
        expectClerkMessages(error)
    }

    @Test(arguments: AccountError.Kind.allCases)
    func everyAccountErrorHasItsMessageInBothLanguages(kind: AccountError.Kind) throws {
        let error: AccountError =
            switch kind {
            case .forbidden: .forbidden(.register, role: .officer)
            case .notYours: .notYours(reference: "den/2026/5")
            case .badCredentials: .badCredentials
            case .disabled: .disabled("lan.nt")
            case .duplicateName: .duplicateName("lan.nt")
            case .invalidName: .invalidName("Lan Nguyễn")
            case .notFound: .notFound("lan.nt")
            case .weakPassword: .weakPassword(minimum: 10)
            case .lastAdministrator: .lastAdministrator
            }
        #expect(error.kind == kind)
        expectClerkMessages(error)
    }

    @Test(arguments: BookError.Kind.allCases)
    func everyBookErrorHasItsMessageInBothLanguages(kind: BookError.Kind) throws {
        let day = try LocalDate(parsing: "31/12/2026")
        let book = "Sổ đăng ký văn bản đến năm 2026"
        let error: BookError =
            switch kind {
            case .noBook: .noBook(kind: .incoming, year: 2026, volume: 2)
            case .severalBooks: .severalBooks(kind: .outgoing, year: 2025, titles: ["a", "b"])
            case .noPrintedBook: .noPrintedBook(.copy)
            case .emptyBook: .emptyBook(book)
            case .alreadyClosed: .alreadyClosed(book, closedOn: day)
            case .closed: .closed(book: book, reference: "den/2026/5")
            case .volumeStillOpen: .volumeStillOpen(book)
            case .volumeSameDay: .volumeSameDay(book, day: day)
            case .notClosed: .notClosed(book: book, reference: "den/2026/5")
            case .changedWhilePrinting: .changedWhilePrinting(book)
            }
        #expect(error.kind == kind)
        expectClerkMessages(error)
    }

    @Test(arguments: Permission.allCases)
    func everyPermissionIsRefusedInEveryRoleThatLacksIt(permission: Permission) {
        for role in AccountRole.allCases where !AccessRules.roles(for: permission).contains(role) {
            expectClerkMessages(AccountError.forbidden(permission, role: role))
        }
    }

    /// A library opened on first use that is not installed: the same words for each, naming the
    /// library and the package to install, in both languages.
    @Test func aMissingLibraryIsNamedWithItsPackage() {
        let message = Bilingual.libraryMissing("poppler-glib", purpose: ("đọc PDF", "PDF reading"), package: "libpoppler-glib8")
        #expect(message.vi == "không mở được thư viện đọc PDF poppler-glib (cài gói libpoppler-glib8)")
        #expect(message.en == "the PDF reading library poppler-glib cannot be opened (install libpoppler-glib8)")
    }
}

extension RegistryError {
    /// One error of each kind, with made-up values.
    static func sample(_ kind: Kind, date: LocalDate) -> RegistryError {
        switch kind {
        case .invalidDate: .invalidDate("x")
        case .invalidPeriod: .invalidPeriod("x")
        case .dateInFuture: .dateInFuture(field: .summary, date: date, today: date)
        case .dateOrder: .dateOrder(earlier: .summary, later: .summary)
        case .emptyField: .emptyField(.summary)
        case .invalidNotation: .invalidNotation("x")
        case .unknownDocumentType: .unknownDocumentType(code: "x", suggestions: ["a", "b"])
        case .invalidValue: .invalidValue(field: .summary, value: "x", allowed: ["a", "b"])
        case .invalidCode: .invalidCode(field: .summary, value: "x", examples: ["a", "b"])
        case .invalidReference: .invalidReference("x")
        case .invalidHash: .invalidHash("x")
        case .invalidNumber: .invalidNumber("x")
        case .duplicateDocumentType: .duplicateDocumentType("x")
        case .tooLong: .tooLong(field: .summary, length: 2, limit: 2)
        case .countOutOfRange: .countOutOfRange(2, limit: 2)
        case .numberOutOfRange: .numberOutOfRange(2, limit: 2)
        case .notationNeedsUnit: .notationNeedsUnit(typeName: "x")
        case .duplicateDocument: .duplicateDocument(existing: "x", registeredOn: date)
        case .documentNotFound: .documentNotFound("x")
        case .ambiguousReference: .ambiguousReference("x", candidates: ["a", "b"])
        case .alreadyVoided: .alreadyVoided("x", reason: "x")
        case .subNumberBaseMissing: .subNumberBaseMissing("x")
        case .noRegisterForDate: .noRegisterForDate(kind: .incoming, date: date)
        case .registerClosed: .registerClosed("x")
        case .registerOverlap: .registerOverlap(kind: .incoming, start: date, end: date)
        case .nothingToChange: .nothingToChange
        case .seriesAlreadyStarted: .seriesAlreadyStarted("x")
        case .batchItem: .batchItem(2, cause: .emptyField(.summary))
        case .invalidDeadline: .invalidDeadline("x")
        case .wrongDirection: .wrongDirection("x", expected: .outgoing)
        case .statusForbids: .statusForbids("x", status: .done, action: .route)
        case .voidedDocument: .voidedDocument("x")
        case .unitNotRouted: .unitNotRouted(unit: "x", reference: "x", units: ["a", "b"])
        case .recipientNotListed: .recipientNotListed(name: "x", reference: "x", recipients: ["a", "b"])
        case .alreadyDispatched: .alreadyDispatched(name: "x", reference: "x", on: date)
        case .nothingToDispatch: .nothingToDispatch("x")
        case .statutoryHoliday: .statutoryHoliday(date, name: "x")
        case .noAnnouncedDay: .noAnnouncedDay(date)
        case .dayAlreadyAdded: .dayAlreadyAdded(date, name: "x")
        case .databaseNotFound: .databaseNotFound(path: "x")
        case .databaseUnreadable: .databaseUnreadable(path: "x")
        case .databaseExists: .databaseExists(path: "x")
        case .notAVanThuDatabase: .notAVanThuDatabase(path: "x")
        case .databaseTooNew: .databaseTooNew(path: "x")
        case .databaseReadOnly: .databaseReadOnly(path: "x")
        case .databaseBusy: .databaseBusy(path: "x")
        case .databaseCorrupt: .databaseCorrupt(path: "x")
        case .diskFull: .diskFull(path: "x")
        case .cannotCreateDatabase: .cannotCreateDatabase(path: "x", reason: Bilingual(vi: "lý do", en: "reason"))
        case .cannotWriteFile: .cannotWriteFile(path: "x", reason: Bilingual(vi: "lý do", en: "reason"))
        case .outputIsProtected: .outputIsProtected(path: "x")
        case .outputNotAFile: .outputNotAFile(path: "x")
        case .storage: .storage("x")
        case .interrupted: .interrupted
        }
    }
}

extension ArchiveError {
    /// One error of each kind, with made-up values.
    static func sample(_ kind: Kind, date: LocalDate) -> ArchiveError {
        switch kind {
        case .unknownRetention: .unknownRetention("x")
        case .invalidFileNotation: .invalidFileNotation("x")
        case .dossierNotFound: .dossierNotFound("x")
        case .dossierExists: .dossierExists("x")
        case .dossierNotOpen: .dossierNotOpen("x", status: .archived)
        case .dossierNotClosed: .dossierNotClosed("x", status: .archived)
        case .dossierEmpty: .dossierEmpty("x")
        case .retentionMissing: .retentionMissing("x")
        case .dossierArchived: .dossierArchived("x")
        case .documentArchived: .documentArchived(reference: "x", dossier: "x")
        case .archivedReadOnly: .archivedReadOnly
        case .alreadyFiled: .alreadyFiled(reference: "x", dossier: "x")
        case .notFiled: .notFiled(reference: "x", dossier: "x")
        case .endBeforeDocuments: .endBeforeDocuments("x", latest: date)
        case .noHold: .noHold("x")
        case .catalogLine: .catalogLine(line: 2, reason: Bilingual(vi: "lý do", en: "reason"))
        case .catalogEmpty: .catalogEmpty(path: "x")
        case .fileUnreadable: .fileUnreadable(path: "x", reason: Bilingual(vi: "lý do", en: "reason"))
        case .alreadyAttached: .alreadyAttached(reference: "x", name: "x")
        case .attachmentNotFound: .attachmentNotFound(reference: "x", name: "x")
        case .storeDamaged: .storeDamaged("x")
        case .backupTargetNotEmpty: .backupTargetNotEmpty(path: "x")
        case .notABackup: .notABackup(path: "x", reason: Bilingual(vi: "lý do", en: "reason"))
        case .restoreTargetExists: .restoreTargetExists(path: "x")
        case .restoreReissuesNumbers:
            .restoreReissuesNumbers([ReissuedNumbers(register: "Sổ đến 2021", seriesKey: "", first: 5, last: 6, references: ["den/2021/5"])])
        }
    }
}

extension ImportError {
    /// One error of each kind, with made-up values.
    static func sample(_ kind: Kind, date: LocalDate) -> ImportError {
        switch kind {
        case .fileUnreadable: .fileUnreadable(path: "x")
        case .unreadableWorkbook: .unreadableWorkbook(path: "x", reason: Bilingual(vi: "hỏng", en: "damaged"))
        case .sheetNotFound: .sheetNotFound("x", sheets: ["a", "b"])
        case .unknownEncoding: .unknownEncoding("x")
        case .undecodableText: .undecodableText(path: "x", encoding: "x")
        case .noHeadingRow: .noHeadingRow(path: "x")
        case .missingColumns: .missingColumns(["a", "b"])
        case .incomingRegister: .incomingRegister(path: "x")
        case .mappingLine: .mappingLine(line: 3, reason: Bilingual(vi: "lý do", en: "reason"))
        case .unknownField: .unknownField("x", allowed: ["a", "b"])
        case .badRows: .badRows([ImportReport.Problem(row: 4, reason: Bilingual(vi: "ngày sai", en: "bad date"))])
        case .nothingToImport: .nothingToImport(path: "x")
        case .gapsInLiveSeries: .gapsInLiveSeries(register: "x", gaps: ["a", "b"], next: 2)
        }
    }
}
