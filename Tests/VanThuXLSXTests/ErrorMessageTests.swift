import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuReaders
@testable import VanThuXLSX

/// Every case of every error type, in both languages: built from the enums, so that a new case
/// cannot be missed (its `Kind` must exist, and so must its sample here).
@Suite struct ErrorMessageTests {
    @Test(arguments: ExportError.Kind.allCases)
    func everyExportErrorHasItsMessageInBothLanguages(kind: ExportError.Kind) throws {
        let error = ExportError.sample(kind, date: try LocalDate(parsing: "1/1/2021"))
        #expect(error.kind == kind)
        expectClerkMessages(error)
    }

    @Test(arguments: EdXMLError.Kind.allCases)
    func everyEdXMLErrorHasItsMessageInBothLanguages(kind: EdXMLError.Kind) throws {
        let error: EdXMLError =
            switch kind {
            case .notEdXML: .notEdXML(path: "a.edxml")
            case .wrongNamespace: .wrongNamespace(path: "a.edxml", found: "http://www.go.vn/eDoc")
            case .doctype: .doctype(path: "a.edxml")
            case .missing: .missing(path: "a.edxml", element: "MessageHeader")
            case .badDate: .badDate(path: "a.edxml", element: "PromulgationDate", value: "16-01-2019")
            case .badAttachment: .badAttachment(path: "a.edxml", name: "a.doc", reason: .zip)
            case .tooLarge: .tooLarge(path: "a.edxml", megabytes: 64)
            }
        #expect(error.kind == kind && error.exitCode == 65)
        expectClerkMessages(error)
    }

    @Test(arguments: DocumentFileError.Kind.allCases)
    func everyDocumentFileErrorHasItsMessageInBothLanguages(kind: DocumentFileError.Kind) throws {
        let error: DocumentFileError =
            switch kind {
            case .encrypted: .encrypted(path: "x.pdf")
            case .damaged: .damaged(path: "x.pdf", reason: Bilingual(vi: "lý do", en: "reason"))
            case .noPages: .noPages(path: "x.pdf")
            case .tooManyPages: .tooManyPages(path: "x.pdf", pages: 3000, limit: 2000)
            case .ocrUnavailable: .ocrUnavailable(path: "x.pdf", page: 1)
            case .ocrFailed: .ocrFailed(path: "x.pdf", page: 1)
            case .unsupported: .unsupported(path: "x.png")
            case .badCertificate: .badCertificate(path: "x.pem")
            }
        #expect(error.kind == kind && error.exitCode == 65)
        expectClerkMessages(error)
    }
}

extension ExportError {
    /// One error of each kind, with made-up values.
    static func sample(_ kind: Kind, date: LocalDate) -> ExportError {
        switch kind {
        case .outputExists: .outputExists(path: "x")
        case .folderMissing: .folderMissing(path: "x")
        case .cannotWrite: .cannotWrite(path: "x", reason: Bilingual(vi: "lý do", en: "reason"))
        case .emptyPeriod: .emptyPeriod(register: "x", start: date, end: date)
        case .crossesSeries: .crossesSeries(registers: ["a", "b"])
        case .severalVolumes: .severalVolumes(book: "Sổ đăng ký văn bản đến năm 2026", volumes: [1, 2])
        case .unknownLayout: .unknownLayout("x")
        case .workbook: .workbook("x")
        case .unsupportedOutput: .unsupportedOutput(path: "x", allowed: ["a", "b"])
        case .emptyJournal: .emptyJournal(start: date, end: date)
        case .cannotStamp: .cannotStamp(reason: "x")
        case .notAPDF: .notAPDF(name: "x")
        }
    }
}
