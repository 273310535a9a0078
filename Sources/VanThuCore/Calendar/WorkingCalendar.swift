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
        /// The government's schedule for civil servants, shipped with vanthu (``notice`` says which).
        case published
    }

    public var date: LocalDate
    public var name: String
    public var source: Source
    /// False for a weekend day announced as a working day (làm bù).
    public var isDayOff: Bool
    /// The text that fixed the day: a law's article, the notice of a published schedule.
    public var notice: String?

    public init(date: LocalDate, name: String, source: Source, isDayOff: Bool = true, notice: String? = nil) {
        self.date = date
        self.name = name
        self.source = source
        self.isDayOff = isDayOff
        self.notice = notice
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

    /// The public holidays of `year` and their compensatory days, as the law gives them, with
    /// the government's published schedule for the years vanthu ships one (2020–2026).
    ///
    /// By the law, Tết Nguyên đán is five days: the last day of the lunar year and mùng 1 to
    /// mùng 4; Quốc khánh is 2/9 and, from 2021 (Bộ luật Lao động 2019), the adjacent day that
    /// touches a weekend (else 3/9); Ngày Văn hóa Việt Nam, 24/11, from 2026 (Nghị quyết
    /// 80-NQ/TW). A published year has its own Tết span and swaps instead.
    public static func statutoryHolidays(year: Int) -> [Holiday] {
        let published = PublishedSchedules.years[year]
        var days: [Holiday] = []
        func add(_ date: LocalDate?, _ name: String, notice: String? = nil) {
            if let date, date.year == year { days.append(Holiday(date: date, name: name, source: .statutory, notice: notice)) }
        }
        add(LocalDate(year: year, month: 1, day: 1), "Tết Dương lịch")
        var spans: [Holiday] = []
        if let published {
            var day = published.tet.first
            while day <= published.tet.last {
                if day.year == year {
                    spans.append(Holiday(date: day, name: PublishedSchedules.tetName(day), source: .published, notice: published.tetNotice))
                }
                day = day.adding(days: 1)
            }
        } else if let tet = LunarCalendar.newYear(year) {
            add(tet.adding(days: -1), "Tết Nguyên đán (ngày cuối năm âm lịch)")
            for offset in 0..<4 { add(tet.adding(days: offset), "Tết Nguyên đán (mùng \(offset + 1))") }
        }
        add(LunarCalendar.solar(.init(day: 10, month: 3, year: year)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)")
        add(LocalDate(year: year, month: 4, day: 30), "Ngày Chiến thắng (30/4)")
        add(LocalDate(year: year, month: 5, day: 1), "Ngày Quốc tế Lao động (1/5)")
        if let nationalDay = LocalDate(year: year, month: 9, day: 2) {
            add(nationalDay, "Quốc khánh (2/9)")
            if let adjacent = published?.nationalDayAdjacent {
                days.append(Holiday(date: adjacent.day, name: "Quốc khánh (ngày liền kề)", source: .published, notice: adjacent.notice))
            } else if year >= 2021 {
                // Tuesday → Monday 1/9; Friday or Saturday → 1/9 before it; otherwise 3/9.
                let adjacent = [2, 5, 6].contains(nationalDay.isoWeekday) ? nationalDay.adding(days: -1) : nationalDay.adding(days: 1)
                add(adjacent, "Quốc khánh (ngày liền kề)")
            }
        }
        if year >= 2026 { add(LocalDate(year: year, month: 11, day: 24), "Ngày Văn hóa Việt Nam (24/11)", notice: "Nghị quyết 80-NQ/TW") }
        days.sort { $0.date < $1.date }
        // A holiday on a weekend is taken the next working day (a published Tết span has placed its own).
        var taken = Set((days + spans).map(\.date.dayNumber))
        var compensatory: [Holiday] = []
        for day in days where day.date.isoWeekday >= 6 {
            var candidate = day.date.adding(days: 1)
            while candidate.isoWeekday >= 6 || taken.contains(candidate.dayNumber) { candidate = candidate.adding(days: 1) }
            taken.insert(candidate.dayNumber)
            compensatory.append(Holiday(date: candidate, name: "Nghỉ bù \(day.name)", source: .compensatory))
        }
        var swaps: [Holiday] = []
        for swap in published?.swaps ?? [] {
            swaps.append(
                Holiday(date: swap.off, name: "Nghỉ hoán đổi (làm bù thứ Bảy \(swap.worked.registerForm))", source: .published, notice: swap.notice))
            swaps.append(
                Holiday(
                    date: swap.worked, name: "Làm bù cho ngày nghỉ \(swap.off.registerForm)", source: .published, isDayOff: false, notice: swap.notice
                ))
        }
        return (days + spans + compensatory + swaps).sorted { $0.date < $1.date }
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
        let year = computed.year(date.year)
        if year.workingWeekendDays.contains(key) { return true }
        if date.isoWeekday >= 6 { return false }
        return !year.daysOff.contains(key)
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

/// The statutory days off per year and the weekend days made working days, computed once each
/// (a lunar year takes microseconds, and a follow-up list asks about thousands of days). Shared
/// by copies of a calendar.
private final class ComputedYears: @unchecked Sendable {
    struct Year {
        var daysOff: Set<Int>
        var workingWeekendDays: Set<Int>
    }

    private let lock = NSLock()
    private var years: [Int: Year] = [:]

    func year(_ year: Int) -> Year {
        lock.lock()
        defer { lock.unlock() }
        if let known = years[year] { return known }
        let days = WorkingCalendar.statutoryHolidays(year: year)
        let computed = Year(
            daysOff: Set(days.filter(\.isDayOff).map(\.date.dayNumber)), workingWeekendDays: Set(days.filter { !$0.isDayOff }.map(\.date.dayNumber)))
        years[year] = computed
        return computed
    }
}
