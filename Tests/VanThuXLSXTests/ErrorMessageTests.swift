import Testing
import VanThuCore
import VanThuTestSupport

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
        case .unknownLayout: .unknownLayout("x")
        case .workbook: .workbook("x")
        case .unsupportedOutput: .unsupportedOutput(path: "x", allowed: ["a", "b"])
        case .emptyJournal: .emptyJournal(start: date, end: date)
        }
    }
}
