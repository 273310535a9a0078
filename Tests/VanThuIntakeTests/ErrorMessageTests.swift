import Testing
import VanThuCore
import VanThuTestSupport

@testable import VanThuIntake

/// Every case of every error type, in both languages: built from the enums, so that a new case
/// cannot be missed (its `Kind` must exist, and so must its sample here).
@Suite struct ErrorMessageTests {
    @Test(arguments: IntakeError.Kind.allCases)
    func everyIntakeErrorHasItsMessageInBothLanguages(kind: IntakeError.Kind) throws {
        let error = IntakeError.sample(kind, date: try LocalDate(parsing: "1/1/2021"))
        #expect(error.kind == kind)
        expectClerkMessages(error)
    }
}

extension IntakeError {
    /// One error of each kind, with made-up values.
    static func sample(_ kind: Kind, date: LocalDate) -> IntakeError {
        switch kind {
        case .fileNotFound: .fileNotFound(path: "x")
        case .unreadable: .unreadable(path: "x", reason: Bilingual(vi: "lý do", en: "reason"))
        case .isFolder: .isFolder(path: "x")
        case .notText: .notText(path: "x")
        case .tooLarge: .tooLarge(path: "x", megabytes: 2)
        case .fieldNotFound: .fieldNotFound(field: .summary, option: "x", path: "x")
        }
    }
}
