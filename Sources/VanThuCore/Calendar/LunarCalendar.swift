import Foundation

/// The Vietnamese lunar calendar (âm lịch), computed for Vietnam's time zone (UTC+7).
///
/// Astronomical new moons and solar terms after Hồ Ngọc Đức's published algorithm (from Jean
/// Meeus, "Astronomical Algorithms"). UTC+7 matters: Tết 2007 fell on 17 February in Vietnam
/// but on 18 February in China (UTC+8).
public enum LunarCalendar {
    /// A day of the lunar calendar; `leap` marks the day of a leap month (tháng nhuận).
    public struct LunarDate: Equatable, Sendable, CustomStringConvertible {
        public var day: Int
        public var month: Int
        public var year: Int
        public var leap: Bool

        public init(day: Int, month: Int, year: Int, leap: Bool = false) {
            self.day = day
            self.month = month
            self.year = year
            self.leap = leap
        }

        /// `10/3 âm lịch`, `15/4 nhuận âm lịch`.
        public var description: String { "\(day)/\(month)\(leap ? " nhuận" : "") âm lịch" }
    }

    static let timeZone = 7.0

    /// The solar date of a lunar date, or nil when it does not exist (day 30 of a short month,
    /// a leap month the year does not have).
    public static func solar(_ lunar: LunarDate) -> LocalDate? {
        let (a11, b11) =
            lunar.month < 11
            ? (lunarMonth11(year: lunar.year - 1), lunarMonth11(year: lunar.year))
            : (lunarMonth11(year: lunar.year), lunarMonth11(year: lunar.year + 1))
        let k = Int(floor(0.5 + (Double(a11) - 2415021.076998695) / 29.530588853))
        var offset = lunar.month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(a11: a11)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if lunar.leap, lunar.month != leapMonth { return nil }
            if lunar.leap || offset >= leapOffset { offset += 1 }
        } else if lunar.leap {
            return nil
        }
        let monthStart = newMoonDay(k + offset)
        let monthLength = newMoonDay(k + offset + 1) - monthStart
        guard lunar.day >= 1, lunar.day <= monthLength else { return nil }
        return date(julianDay: monthStart + lunar.day - 1)
    }

    /// The lunar date of a solar date.
    public static func lunar(_ date: LocalDate) -> LunarDate {
        let dayNumber = julianDay(date)
        let k = Int(floor((Double(dayNumber) - 2415021.076998695) / 29.530588853))
        var monthStart = newMoonDay(k + 1)
        if monthStart > dayNumber { monthStart = newMoonDay(k) }
        var a11 = lunarMonth11(year: date.year)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            lunarYear = date.year
            a11 = lunarMonth11(year: date.year - 1)
        } else {
            lunarYear = date.year + 1
            b11 = lunarMonth11(year: date.year + 1)
        }
        let day = dayNumber - monthStart + 1
        let diff = Int(floor(Double(monthStart - a11) / 29))
        var leap = false
        var month = diff + 11
        if b11 - a11 > 365 {
            let leapDiff = leapMonthOffset(a11: a11)
            if diff >= leapDiff {
                month = diff + 10
                if diff == leapDiff { leap = true }
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11, diff < 4 { lunarYear -= 1 }
        return LunarDate(day: day, month: month, year: lunarYear, leap: leap)
    }

    /// Mùng 1 Tết: the first day of lunar year `year`.
    public static func newYear(_ year: Int) -> LocalDate? {
        solar(LunarDate(day: 1, month: 1, year: year))
    }

    // MARK: Astronomy

    private static func julianDay(_ date: LocalDate) -> Int { date.dayNumber + 2_440_588 }

    private static func date(julianDay: Int) -> LocalDate { LocalDate(dayNumber: julianDay - 2_440_588) }

    /// The Julian day (with fraction, UT) of the k-th new moon after 1 January 1900.
    private static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let dr = Double.pi / 180
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd1 += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr)
        c1 -= 0.0004 * sin(dr * 3 * mpr)
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr))
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m))
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr))
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m))
        let deltaT =
            t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd1 + c1 - deltaT
    }

    /// The local day of the k-th new moon.
    private static func newMoonDay(_ k: Int) -> Int {
        Int(floor(newMoon(k) + 0.5 + timeZone / 24))
    }

    /// The sun's longitude, in radians within [0, 2π), at Julian day `jdn`.
    private static func sunLongitude(_ jdn: Double) -> Double {
        let t = (jdn - 2451545.0) / 36525
        let t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl = dl + (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= Double.pi * 2 * floor(l / (Double.pi * 2))
        return l
    }

    /// Which of the 12 major solar terms (0…11) the local day `dayNumber` starts in.
    private static func solarTerm(_ dayNumber: Int) -> Int {
        Int(floor(sunLongitude(Double(dayNumber) - 0.5 - timeZone / 24) / Double.pi * 6))
    }

    /// The first day of the 11th lunar month (the one holding the winter solstice) of `year`.
    private static func lunarMonth11(year: Int) -> Int {
        let offset = julianDay(LocalDate.lastDay(of: year)) - 2415021
        let k = Int(floor(Double(offset) / 29.530588853))
        let day = newMoonDay(k)
        return solarTerm(day) >= 9 ? newMoonDay(k - 1) : day
    }

    /// In a 13-month year, how many months after month 11 the leap month comes.
    private static func leapMonthOffset(a11: Int) -> Int {
        let k = Int(floor((Double(a11) - 2415021.076998695) / 29.530588853 + 0.5))
        var i = 1
        var arc = solarTerm(newMoonDay(k + i))
        var last: Int
        repeat {
            last = arc
            i += 1
            arc = solarTerm(newMoonDay(k + i))
        } while arc != last && i < 14
        return i - 1
    }
}
