import Testing
import VanThuCore

@testable import VanThuXLSX

/// Every case of every error type, in both languages: built from the enums, so that a new case
/// cannot be missed (its `Kind` must exist, and so must its sample here).
@Suite struct ErrorMessageTests {
    /// Every kind of ExportError: a message in each language, one line, the two languages
    /// different, and an exit code that is not success.
    @Test(arguments: ExportError.Kind.allCases)
    func everyExportErrorHasItsMessageInBothLanguages(kind: ExportError.Kind) throws {
        let error = ExportError.sample(kind, date: try LocalDate(parsing: "1/1/2021"))
        #expect(error.kind == kind)
        for language in Language.allCases {
            let message = error.message(in: language)
            #expect(!message.isEmpty && !message.contains("\n"), "\(kind) in \(language)")
        }
        #expect(error.message(in: .vi) != error.message(in: .en), "\(kind)")
        #expect(error.exitCode != 0)
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
