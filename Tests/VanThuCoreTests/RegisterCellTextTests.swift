import Foundation
import Testing

@testable import VanThuCore

@Suite struct RegisterCellTextTests {
    /// A voided number's Tên loại và trích yếu cell is read back whatever became of it on the way
    /// (decomposed, retyped without diacritics, its line break a space), and no other cell is.
    @Test func aVoidedCellIsToldFromAnyOtherCell() throws {
        let written = RegisterCellText.voidedSubject("Công văn về lịch họp", reason: "Vào sổ nhầm")
        let cases: [(String, String?, String?)] = [
            (written, "Công văn về lịch họp", "Vào sổ nhầm"),
            (written.decomposedStringWithCanonicalMapping, "Công văn về lịch họp", "Vào sổ nhầm"),
            ("Công văn về lịch họp DA HUY SO: trùng số", "Công văn về lịch họp", "trùng số"),
            (RegisterCellText.voidedSubject("", reason: "Vào sổ nhầm"), nil, "Vào sổ nhầm"),
        ]
        for (cell, subject, reason) in cases {
            let read = RegisterCellText.voided(inSubject: cell)
            #expect(read?.subject == subject && read?.reason == reason, "\(cell.debugDescription): \(String(describing: read))")
        }
        for cell in ["", "Y S", "AY SB", "Công văn về lịch họp", "Báo cáo HUY S"] {
            #expect(RegisterCellText.voided(inSubject: cell) == nil, "\(cell)")
        }
    }

    /// What an imported Tên loại và trích yếu keeps after its type name: the words a split on
    /// spaces and a join with one space give, however the cell was spaced.
    @Test func theWordsAfterATypeNameAreWhatSplittingAndJoiningGive() {
        let cells = [
            "Công văn về lịch họp", "Công  văn về   lịch họp ", " Công văn về lịch họp", "Báo cáo", "Báo cáo ", "Kế hoạch\ntuyên truyền",
            "Công văn về lịch họp".decomposedStringWithCanonicalMapping, "Quyết định \u{301}về việc", "a b  ", "", "   ",
        ]
        for cell in cells {
            for count in 0...4 {
                let joined = cell.split(separator: " ", omittingEmptySubsequences: true).dropFirst(count).joined(separator: " ")
                #expect(ImportRowReader.words(of: cell, after: count) == joined, "\(cell.debugDescription) after \(count)")
            }
        }
    }
}
