import Foundation

/// A day the calendar treats specially: a public holiday, a compensatory day off, or a day the
/// government announced (a substitute day off, or a Saturday made a working day).
public struct Holiday: Equatable, Sendable {
    /// Where the day comes from.
    public enum Source: String, Sendable {
        /// Bộ luật Lao động 2019, Điều 112: computed every year.
        case statutory
        /// Điều 111 khoản 3: a holiday on a Saturday or Sunday is taken the next working day.
        case compensatory
        /// Added by the clerk from the government's yearly announcement (`vanthu holidays add`).
        case announced
    }

    public var date: LocalDate
    public var name: String
    public var source: Source
    /// False for a weekend day announced as a working day (làm bù).
    public var isDayOff: Bool

    public init(date: LocalDate, name: String, source: Source, isDayOff: Bool = true) {
        self.date = date
        self.name = name
        self.source = source
        self.isDayOff = isDayOff
    }
}

/// Working days for deadlines: Monday to Friday, minus public holidays and compensatory days,
/// adjusted by the days the clerk records from the government's announcements.
///
/// ```swift
/// let calendar = WorkingCalendar()
/// calendar.adding(workingDays: 10, to: routedOn)   // "10wd"
/// ```
public struct WorkingCalendar: Sendable {
    /// The clerk's days, by day number; they override the computed ones.
    private let announced: [Int: Holiday]
    /// The computed days off of each year, worked out the first time a day of it is asked.
    private let computed = ComputedYears()

    public init(announced: [Holiday] = []) {
        var byDay: [Int: Holiday] = [:]
        for day in announced { byDay[day.date.dayNumber] = day }
        self.announced = byDay
    }

    // MARK: Holidays

    /// The public holidays of `year` and their compensatory days, as the law gives them.
    ///
    /// Tết Nguyên đán is five days: the last day of the lunar year and mùng 1 to mùng 4; Quốc
    /// khánh is 2/9 and the adjacent day that touches a weekend (else 3/9). The government may
    /// announce other spans; the clerk records them with `vanthu holidays add`.
    public static func statutoryHolidays(year: Int) -> [Holiday] {
        var days: [Holiday] = []
        func add(_ date: LocalDate?, _ name: String) {
            if let date, date.year == year { days.append(Holiday(date: date, name: name, source: .statutory)) }
        }
        add(LocalDate(year: year, month: 1, day: 1), "Tết Dương lịch")
        if let tet = LunarCalendar.newYear(year) {
            add(tet.adding(days: -1), "Tết Nguyên đán (ngày cuối năm âm lịch)")
            for offset in 0..<4 { add(tet.adding(days: offset), "Tết Nguyên đán (mùng \(offset + 1))") }
        }
        add(LunarCalendar.solar(.init(day: 10, month: 3, year: year)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)")
        add(LocalDate(year: year, month: 4, day: 30), "Ngày Chiến thắng (30/4)")
        add(LocalDate(year: year, month: 5, day: 1), "Ngày Quốc tế Lao động (1/5)")
        if let nationalDay = LocalDate(year: year, month: 9, day: 2) {
            add(nationalDay, "Quốc khánh (2/9)")
            // Tuesday → Monday 1/9; Friday or Saturday → 1/9 before it; otherwise 3/9.
            let adjacent = [2, 5, 6].contains(nationalDay.isoWeekday) ? nationalDay.adding(days: -1) : nationalDay.adding(days: 1)
            add(adjacent, "Quốc khánh (ngày liền kề)")
        }
        days.sort { $0.date < $1.date }
        let holidays = Set(days.map(\.date.dayNumber))
        var taken = holidays
        var compensatory: [Holiday] = []
        for day in days where day.date.isoWeekday >= 6 {
            var candidate = day.date.adding(days: 1)
            while candidate.isoWeekday >= 6 || taken.contains(candidate.dayNumber) { candidate = candidate.adding(days: 1) }
            taken.insert(candidate.dayNumber)
            compensatory.append(Holiday(date: candidate, name: "Nghỉ bù \(day.name)", source: .compensatory))
        }
        return (days + compensatory).sorted { $0.date < $1.date }
    }

    /// Every special day of `year`: the computed ones, and the clerk's, which override them.
    public func holidays(year: Int) -> [Holiday] {
        var byDay: [Int: Holiday] = [:]
        for day in Self.statutoryHolidays(year: year) { byDay[day.date.dayNumber] = day }
        for (key, day) in announced where day.date.year == year { byDay[key] = day }
        return byDay.values.sorted { $0.date < $1.date }
    }

    // MARK: Working days

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        let key = date.dayNumber
        if let day = announced[key] { return !day.isDayOff }
        if date.isoWeekday >= 6 { return false }
        return !computed.daysOff(year: date.year).contains(key)
    }

    /// The date `count` working days after `date` (the day itself not counted): a deadline of
    /// "10wd" set on a Friday counts from the Monday.
    public func adding(workingDays count: Int, to date: LocalDate) -> LocalDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The first working day after `date`.
    public func nextWorkingDay(after date: LocalDate) -> LocalDate {
        adding(workingDays: 1, to: date)
    }

    /// The last working day before `date`.
    public func previousWorkingDay(before date: LocalDate) -> LocalDate {
        var day = date.adding(days: -1)
        while !isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// How many working days lie after `start` up to and including `end`; negative when `end`
    /// comes first.
    public func workingDays(from start: LocalDate, to end: LocalDate) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        var count = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }
}

/// The statutory days off per year, computed once each (a lunar year takes microseconds, and a
/// follow-up list asks about thousands of days). Shared by copies of a calendar.
private final class ComputedYears: @unchecked Sendable {
    private let lock = NSLock()
    private var years: [Int: Set<Int>] = [:]

    func daysOff(year: Int) -> Set<Int> {
        lock.lock()
        defer { lock.unlock() }
        if let known = years[year] { return known }
        let days = Set(WorkingCalendar.statutoryHolidays(year: year).map(\.date.dayNumber))
        years[year] = days
        return days
    }
}
