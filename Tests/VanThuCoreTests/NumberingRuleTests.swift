import Testing

@testable import VanThuCore

/// The numbering rules alone, without a database.
@Suite struct NumberingRuleTests {
    @Test func aSeriesGoesOnFromItsHighestNumberOrItsFirst() throws {
        #expect(try NumberingRule.next(highest: nil, first: nil) == 1)
        #expect(try NumberingRule.next(highest: 7, first: nil) == 8)
        // Continued from a paper register at 783: the first number given is 783, then on.
        #expect(try NumberingRule.next(highest: nil, first: 783) == 783)
        #expect(try NumberingRule.next(highest: 783, first: 783) == 784)
        // A first number below what was given never goes back.
        #expect(try NumberingRule.next(highest: 20, first: 5) == 21)
        #expect(throws: RegistryError.numberOutOfRange(InputLimits.number, limit: InputLimits.number)) {
            try NumberingRule.next(highest: InputLimits.number, first: nil)
        }
    }

    @Test func aSubNumberTakesTheNextFreeLetterOfAnExistingNumber() throws {
        #expect(try NumberingRule.subNumber(of: 12, taken: [""], reference: "den/2021/12") == "a")
        #expect(try NumberingRule.subNumber(of: 12, taken: ["", "a", "c"], reference: "den/2021/12") == "b")
        #expect(throws: RegistryError.subNumberBaseMissing("den/2021/12")) {
            try NumberingRule.subNumber(of: 12, taken: ["a"], reference: "den/2021/12")
        }
        let all = [""] + NumberingRule.letters.map(String.init)
        #expect(throws: RegistryError.invalidNumber("12z")) { try NumberingRule.subNumber(of: 12, taken: all, reference: "den/2021/12") }
    }

    @Test func aKyHieuWritesTwoDigitsAtLeast() {
        #expect(NumberingRule.codeNumber(5, suffix: "") == "05")
        #expect(NumberingRule.codeNumber(12, suffix: "a") == "12a")
        #expect(NumberingRule.codeNumber(1234, suffix: "") == "1234")
    }
}
