import Testing

@testable import VanThuCore

@Suite struct DocumentNotationTests {
    @Test(arguments: [
        ("Số: 15/QĐ-UBND", "15", "QĐ-UBND", DocumentStyle.state, "Số: 15/QĐ-UBND"),
        ("899/STTTT-TTBCBC", "899", "STTTT-TTBCBC", .state, "Số: 899/STTTT-TTBCBC"),
        ("Số 12-BC/TU", "12", "BC/TU", .party, "Số 12-BC/TU"),
        ("432-KH/BTGTW", "432", "KH/BTGTW", .party, "Số 432-KH/BTGTW"),
        ("30/2020/NĐ-CP", "30", "2020/NĐ-CP", .state, "Số: 30/2020/NĐ-CP"),
        ("44/2025/QĐ-TTg", "44", "2025/QĐ-TTg", .state, "Số: 44/2025/QĐ-TTg"),
        ("  số  85 – BC / BTGTU ", "85", "BC/BTGTU", .party, "Số 85-BC/BTGTU"),
        ("Số:\u{00A0}05/BNV-VP", "05", "BNV-VP", .state, "Số: 05/BNV-VP"),
        ("12a/QĐ-UBND", "12a", "QĐ-UBND", .state, "Số: 12a/QĐ-UBND"),
        ("24-BS/UBKTTU", "24", "BS/UBKTTU", .party, "Số 24-BS/UBKTTU"),
    ])
    func parsesStateAndPartyForms(text: String, number: String, notation: String, style: DocumentStyle, line: String) throws {
        let parsed = try DocumentNotation(parsing: text)
        #expect(parsed.number == number)
        #expect(parsed.notation == notation)
        #expect(parsed.style == style)
        #expect(parsed.numberLine == line)
    }

    @Test(arguments: ["", "Số:", "BC/TU", "12", "12/", "12-BC", "12/QĐ UBND", "12/QĐ--UBND", "-12/QĐ", "12/123", "abc-BC/TU", "12/QĐ-UBND;"])
    func refusesMalformedNotations(text: String) {
        #expect(throws: RegistryError.invalidNotation(text)) { try DocumentNotation(parsing: text) }
    }

    @Test func aCyrillicLookAlikeIsReadAsLatin() throws {
        let cyrillic = try DocumentNotation(parsing: "85-ВС/BTGTU")  // В and С are Cyrillic
        #expect(cyrillic.notation == "BC/BTGTU")
    }

    @Test func comparisonIgnoresLeadingZerosCaseAndMarks() throws {
        let a = try DocumentNotation(parsing: "Số: 05/QĐ-UBND")
        let b = try DocumentNotation(parsing: "5/qđ-ubnd")
        let c = try DocumentNotation(parsing: "6/QĐ-UBND")
        #expect(a.comparisonKey == b.comparisonKey)
        #expect(a.comparisonKey != c.comparisonKey)
    }

    @Test func findsTheTypeCodeCandidate() throws {
        #expect(try DocumentNotation(parsing: "12-BC/TU").typeCodeCandidate == "BC")
        #expect(try DocumentNotation(parsing: "15/QĐ-UBND").typeCodeCandidate == "QĐ")
        #expect(try DocumentNotation(parsing: "30/2020/NĐ-CP").typeCodeCandidate == "NĐ")
        #expect(try DocumentNotation(parsing: "899/STTTT-TTBCBC").typeCodeCandidate == "STTTT")
    }

    /// The seeds are real documents; they live outside the project and are skipped when absent.
    @Test(.enabled(if: Fixtures.seedsAvailable, "../shared/seeds is not present"))
    func readsTheNumberLinesOfTheSeeds() throws {
        let party = try Fixtures.seed(prefix: "000")
        let line = try #require(party.split(separator: "\n").first { $0.contains("Số 12-BC/TU") })
        #expect(try DocumentNotation(parsing: String(line)).full == "12-BC/TU")
        let stamped = try Fixtures.seed(prefix: "003")
        let header = try #require(stamped.split(separator: "\n").first { $0.hasPrefix("Số 85") })
        #expect(try DocumentNotation(parsing: String(header)).full == "85-BC/BTGTU")
        let stampDate = try #require(stamped.split(separator: "\n").first { $0.hasPrefix("ĐẾN Ngày:") })
        #expect(try LocalDate(parsing: String(stampDate.dropFirst("ĐẾN Ngày:".count))).iso == "2021-08-20")
    }
}
