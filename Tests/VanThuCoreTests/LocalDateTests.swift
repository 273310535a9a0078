import Testing

@testable import VanThuCore

@Suite struct LocalDateTests {
    @Test(arguments: [
        ("20/8/2021", "2021-08-20"), ("20/8/21", "2021-08-20"), ("20-8-2021", "2021-08-20"),
        ("2021-08-20", "2021-08-20"), ("05.7.2017", "2017-07-05"), (" 06/12/2016 ", "2016-12-06"),
        ("29/2/2020", "2020-02-29"), ("01-10-2020", "2020-10-01"),
    ])
    func parsesTheFormsClerksType(text: String, iso: String) throws {
        #expect(try LocalDate(parsing: text).iso == iso)
    }

    @Test(arguments: [
        "31/02/2021", "29/2/2021", "0/1/2021", "1/13/2021", "2021-13-01", "20/8", "hôm qua", "", "20/8/202", "2021/08/20x", "1/1/99999",
    ])
    func refusesImpossibleDates(text: String) {
        #expect(throws: RegistryError.invalidDate(text)) { try LocalDate(parsing: text) }
    }

    /// The stored form is read by its own short path and written as ten bytes: every day a
    /// register can hold reads back as itself, and an ISO-shaped impossible date is refused as
    /// the general path refuses it.
    @Test func everyDayReadsBackFromItsStoredForm() throws {
        let first = try #require(LocalDate(year: 1900, month: 1, day: 1)).dayNumber
        let last = try #require(LocalDate(year: 2199, month: 12, day: 31)).dayNumber
        let wrong = (first...last).map(LocalDate.init(dayNumber:)).filter { LocalDate.parse($0.iso) != $0 }
        #expect(wrong.isEmpty)
        #expect(try LocalDate(parsing: "1900-01-01").iso == "1900-01-01" && LocalDate.parse("2199-12-31")?.vietnamese == "31/12/2199")
        for text in ["2021-02-29", "2021-00-10", "2021-04-31", "1899-12-31", "2200-01-01", "2021-1a-01", "20210-8-20"] {
            #expect(LocalDate.parse(text) == nil, "\(text)")
        }
    }

    @Test func printsTheVietnameseWay() throws {
        let date = try LocalDate(parsing: "2020-01-05")
        #expect(date.vietnamese == "5/1/2020")
        #expect(date.longVietnamese == "ngày 05 tháng 01 năm 2020")
        #expect(try LocalDate(parsing: "29/10/2020").longVietnamese == "ngày 29 tháng 10 năm 2020")
        #expect(try LocalDate(parsing: "3/4/2018").longVietnamese == "ngày 03 tháng 4 năm 2018")
    }

    @Test func dayNumbersRoundTripAndKnowTheWeekday() throws {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
        #expect(try LocalDate(parsing: "21/11/2026").isoWeekday == 6)  // a Saturday
        #expect(try LocalDate(parsing: "1/1/2000").isoWeekday == 6)
        #expect(try LocalDate(parsing: "31/12/2021").adding(days: 1) == LocalDate(year: 2022, month: 1, day: 1))
        #expect(try LocalDate(parsing: "29/2/2020").addingYears(1).iso == "2021-03-01")
    }

    @Test func todayCanBeFixedByTheEnvironment() {
        #expect(LocalDate.today(environment: ["VANTHU_TODAY": "2021-08-25"]).iso == "2021-08-25")
    }
}
