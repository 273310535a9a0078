import Foundation
import Testing
import VanThuTestSupport

@testable import VanThuCore

/// The lunar calendar and working days, against dates the government published.
@Suite struct LunarCalendarTests {
    /// Mùng 1 Tết in Vietnam, 2000–2030, as published in Vietnamese calendars. Vietnam keeps
    /// UTC+7, so two of these differ from China's (UTC+8): 2007 (China 18/2) and 2030
    /// (China 3/2; the new moon falls at 23:07 on 2/2 in Hanoi).
    static let tet: [Int: String] = [
        2000: "2000-02-05", 2001: "2001-01-24", 2002: "2002-02-12", 2003: "2003-02-01", 2004: "2004-01-22",
        2005: "2005-02-09", 2006: "2006-01-29", 2007: "2007-02-17", 2008: "2008-02-07", 2009: "2009-01-26",
        2010: "2010-02-14", 2011: "2011-02-03", 2012: "2012-01-23", 2013: "2013-02-10", 2014: "2014-01-31",
        2015: "2015-02-19", 2016: "2016-02-08", 2017: "2017-01-28", 2018: "2018-02-16", 2019: "2019-02-05",
        2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01", 2023: "2023-01-22", 2024: "2024-02-10",
        2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13",
        2030: "2030-02-02",
    ]

    /// Giỗ Tổ Hùng Vương (10/3 âm lịch) as announced for the public holiday.
    static let hungKings: [Int: String] = [
        2010: "2010-04-23", 2011: "2011-04-12", 2012: "2012-03-31", 2013: "2013-04-19", 2014: "2014-04-09",
        2015: "2015-04-28", 2016: "2016-04-16", 2017: "2017-04-06", 2018: "2018-04-25", 2019: "2019-04-14",
        2020: "2020-04-02", 2021: "2021-04-21", 2022: "2022-04-10", 2023: "2023-04-29", 2024: "2024-04-18",
        2025: "2025-04-07", 2026: "2026-04-26",
    ]

    @Test(arguments: 2000...2030) func tetMatchesThePublishedDate(year: Int) throws {
        let expected = try #require(Self.tet[year])
        #expect(LunarCalendar.newYear(year)?.iso == expected)
        let lunar = LunarCalendar.lunar(try #require(LocalDate.parse(expected)))
        #expect(lunar == .init(day: 1, month: 1, year: year))
    }

    @Test func hungKingsDayMatchesTheAnnouncedDates() {
        for (year, expected) in Self.hungKings {
            #expect(LunarCalendar.solar(.init(day: 10, month: 3, year: year))?.iso == expected, "Giỗ Tổ \(year)")
        }
    }

    @Test func solarAndLunarRoundTripEveryDayFrom2000To2030() throws {
        var day = try #require(LocalDate.parse("2000-01-01"))
        let end = try #require(LocalDate.parse("2030-12-31"))
        var leapMonths = 0
        while day <= end {
            let lunar = LunarCalendar.lunar(day)
            #expect(LunarCalendar.solar(lunar) == day, "\(day.iso) → \(lunar)")
            if lunar.leap, lunar.day == 1 { leapMonths += 1 }
            day = day.adding(days: 1)
        }
        // 2001, 2004, 2006, 2009, 2012, 2014, 2017, 2020, 2023, 2025, 2028: 11 leap months.
        #expect(leapMonths == 11)
    }

    @Test func knownLeapMonthsAndImpossibleDates() {
        // 2020 had a leap 4th month (nhuận tháng 4) from 23 May; 2023 a leap 2nd month.
        #expect(LunarCalendar.solar(.init(day: 1, month: 4, year: 2020, leap: true))?.iso == "2020-05-23")
        #expect(LunarCalendar.solar(.init(day: 1, month: 2, year: 2023, leap: true))?.iso == "2023-03-22")
        #expect(LunarCalendar.solar(.init(day: 1, month: 5, year: 2020, leap: true)) == nil)
        #expect(LunarCalendar.solar(.init(day: 1, month: 4, year: 2021, leap: true)) == nil)
        #expect(LunarCalendar.solar(.init(day: 31, month: 1, year: 2021)) == nil)
    }
}

@Suite struct WorkingCalendarTests {
    func date(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }

    @Test func holidaysOf2023FollowThePublishedTetAndTheCompensatoryDays() throws {
        let days = WorkingCalendar.statutoryHolidays(year: 2023)
        let offDays = Set(days.map(\.date.iso))
        // Tết Dương lịch on Sunday → Monday 2/1.
        #expect(offDays.contains("2023-01-01") && offDays.contains("2023-01-02"))
        // Tết as published for civil servants: 20/1 (29 Chạp) to 26/1 (mùng 5), not the law's
        // five days with compensation (which would end on 27/1).
        for day in ["2023-01-20", "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"] {
            #expect(offDays.contains(day), "\(day)")
        }
        #expect(!offDays.contains("2023-01-27"))
        #expect(days.filter { $0.source == .published }.allSatisfy { $0.notice?.contains("Quý Mão 2023") == true })
        // Giỗ Tổ on Saturday 29/4, 30/4 Sunday, 1/5 Monday: compensation on 2/5 and 3/5.
        #expect(["2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03"].allSatisfy(offDays.contains))
        // Quốc khánh on Saturday: 1/9 (Friday) and 2/9, compensation Monday 4/9.
        #expect(["2023-09-01", "2023-09-02", "2023-09-04"].allSatisfy(offDays.contains))
        #expect(!offDays.contains("2023-09-03") || days.first { $0.date.iso == "2023-09-03" } == nil)
        #expect(days.filter { $0.source == .compensatory }.count == 4)
    }

    /// A year with no schedule shipped is computed by the law: Tết's five days and a
    /// compensatory day for each that falls on a weekend; 24/11 from 2026.
    @Test func aYearWithoutAPublishedScheduleIsComputed() throws {
        let days = WorkingCalendar.statutoryHolidays(year: 2027)
        #expect(!days.contains { $0.source == .published })
        // Tết 2027: mùng 1 is Saturday 6/2; the law's days 5/2–9/2, compensation for 6 and 7/2.
        #expect(
            days.filter { $0.name.hasPrefix("Tết Nguyên đán") }.map(\.date.iso) == [
                "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
            ])
        #expect(days.contains { $0.date.iso == "2027-11-24" && $0.notice == "Nghị quyết 80-NQ/TW" })
        #expect(!WorkingCalendar.statutoryHolidays(year: 2025).contains { $0.date.iso == "2025-11-24" })
    }

    /// Every weekday off and every Saturday worked, 2020–2026, equal to the `holidays` package
    /// (PyPI 0.109, in the test virtualenv), which follows the same notices: an independent list.
    @Test func theYears2020To2026AreTheDaysThePackageHolidaysGives() throws {
        let script = """
            import json, holidays
            from holidays.countries.vietnam import VietnamStaticHolidays
            out = {}
            for year in range(2020, 2027):
                days = holidays.country_holidays("VN", years=year)
                special = VietnamStaticHolidays.special_public_holidays.get(year, ())
                items = special if special and isinstance(special[0], tuple) else ([special] if special else [])
                worked = ["%04d-%02d-%02d" % (item[4] if len(item) > 4 else year, item[2], item[3]) for item in items]
                out[str(year)] = {"off": sorted(d.isoformat() for d in days if d.weekday() < 5), "worked": sorted(worked)}
            print(json.dumps(out))
            """
        let python = ProcessInfo.processInfo.environment["VANTHU_PYTHON"] ?? "python3"
        let output = try Process.output("/usr/bin/env", [python, "-c", script])
        let package = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: [String]]])
        for year in 2020...2026 {
            let days = WorkingCalendar.statutoryHolidays(year: year)
            let off = days.filter { $0.isDayOff && $0.date.isoWeekday <= 5 }.map(\.date.iso).sorted()
            let worked = days.filter { !$0.isDayOff }.map(\.date.iso).sorted()
            #expect(off == package["\(year)"]?["off"], "\(year) days off")
            #expect(worked == package["\(year)"]?["worked"] ?? [], "\(year) Saturdays worked")
        }
    }

    @Test func deadlinesAcrossTet2025AndQuocKhanh2026() throws {
        let calendar = WorkingCalendar()
        // Friday 24/1/2025 + 1wd: Tết 25/1–2/2 (weekdays 27–31/1 off) → Monday 3/2.
        #expect(calendar.adding(workingDays: 1, to: try date("24/1/2025")) == (try date("3/2/2025")))
        // Friday 25/4/2025 + 1wd: Saturday 26/4 is worked (for Friday 2/5).
        #expect(calendar.adding(workingDays: 1, to: try date("25/4/2025")) == (try date("26/4/2025")))
        #expect(calendar.adding(workingDays: 1, to: try date("1/5/2025")) == (try date("5/5/2025")))
        // 2026: Saturday 22/8 worked; 31/8 (swapped), 1/9 and 2/9 off → Friday 28/8 + 1wd = Thursday 3/9.
        #expect(calendar.isWorkingDay(try date("22/8/2026")))
        #expect(calendar.adding(workingDays: 1, to: try date("28/8/2026")) == (try date("3/9/2026")))
        #expect(calendar.workingDays(from: try date("21/8/2026"), to: try date("4/9/2026")) == 8)
        // Ngày Văn hóa Việt Nam, Tuesday 24/11/2026.
        #expect(!calendar.isWorkingDay(try date("24/11/2026")))
    }

    @Test func quocKhanhTakesTheAdjacentDayTouchingTheWeekend() {
        // 2026's is the published one (1/9, joined to the swapped 31/8); 2020 had one day (Bộ luật Lao động 2012).
        let adjacent: [Int: String] = [
            2021: "2021-09-03", 2022: "2022-09-01", 2024: "2024-09-03", 2025: "2025-09-01", 2026: "2026-09-01", 2027: "2027-09-03",
        ]
        for (year, expected) in adjacent {
            let days = WorkingCalendar.statutoryHolidays(year: year).filter { $0.name.contains("liền kề") }
            #expect(days.map(\.date.iso) == [expected], "\(year)")
        }
    }

    @Test func workingDaysSkipWeekendsAndHolidays() throws {
        let calendar = WorkingCalendar()
        // Friday 20/8/2021 + 1wd = Monday 23/8.
        #expect(calendar.adding(workingDays: 1, to: try date("20/8/2021")) == (try date("23/8/2021")))
        // 25/8/2021 + 10wd crosses Quốc khánh (Thu 2/9, Fri 3/9): 10/9.
        #expect(calendar.adding(workingDays: 10, to: try date("25/8/2021")) == (try date("10/9/2021")))
        // Tết 2021 as published: 10/2 to 16/2 off; Tuesday 9/2 + 1wd = Wednesday 17/2.
        #expect(calendar.adding(workingDays: 1, to: try date("9/2/2021")) == (try date("17/2/2021")))
        // Giỗ Tổ 2021: Wednesday 21/4 is off.
        #expect(!calendar.isWorkingDay(try date("21/4/2021")))
        #expect(calendar.workingDays(from: try date("20/4/2021"), to: try date("23/4/2021")) == 2)
        #expect(calendar.workingDays(from: try date("23/4/2021"), to: try date("20/4/2021")) == -2)
        #expect(calendar.previousWorkingDay(before: try date("23/8/2021")) == (try date("20/8/2021")))
    }

    @Test func deadlinesCrossTheYearBoundary() throws {
        let calendar = WorkingCalendar()
        // Thursday 29/12/2022 + 3wd: Friday 30/12, (31/12 Saturday, 1/1 Sunday, 2/1 compensatory), 3/1, 4/1.
        #expect(calendar.adding(workingDays: 3, to: try date("29/12/2022")) == (try date("4/1/2023")))
        #expect(Deadline.workingDays(3).resolved(from: try date("29/12/2022"), calendar: calendar) == (try date("4/1/2023")))
        #expect(Deadline.days(3).resolved(from: try date("29/12/2022"), calendar: calendar) == (try date("1/1/2023")))
    }

    @Test func announcedDaysOverrideTheComputedOnes() throws {
        // 2023: the government swapped Saturday 7/1 (working) for Monday 2/1 ... and added Friday 20/1 off.
        let announced = [
            Holiday(date: try date("20/1/2023"), name: "Nghỉ hoán đổi", source: .announced),
            Holiday(date: try date("14/1/2023"), name: "Làm bù", source: .announced, isDayOff: false),
        ]
        let calendar = WorkingCalendar(announced: announced)
        #expect(!calendar.isWorkingDay(try date("20/1/2023")))
        #expect(calendar.isWorkingDay(try date("14/1/2023")))
        // Thursday 19/1 + 1wd skips the Friday and the whole published Tết (to 26/1): Friday 27/1.
        #expect(calendar.adding(workingDays: 1, to: try date("19/1/2023")) == (try date("27/1/2023")))
        #expect(calendar.holidays(year: 2023).contains { $0.name == "Làm bù" && !$0.isDayOff })
    }

    @Test func deadlinesAreReadAsClerksWriteThem() throws {
        #expect(try Deadline(parsing: "10wd") == .workingDays(10))
        #expect(try Deadline(parsing: "10 nlv") == .workingDays(10))
        #expect(try Deadline(parsing: "7d") == .days(7))
        #expect(try Deadline(parsing: "7 ngày") == .days(7))
        #expect(try Deadline(parsing: "15/9/2021") == .date(try date("15/9/2021")))
        #expect(throws: RegistryError.invalidDeadline("10x")) { try Deadline(parsing: "10x") }
        #expect(throws: RegistryError.invalidDeadline("soon")) { try Deadline(parsing: "soon") }
        #expect(throws: RegistryError.invalidDate("31/2/2021")) { try Deadline(parsing: "31/2/2021") }
    }
}
