public import Foundation

/// A calendar date without time or time zone, as written on documents and in registers.
///
/// Parses the forms clerks type (`20/8/2021`, `20/8/21`, `20-8-2021`, `20.8.2021`, `2021-08-20`)
/// and prints the Vietnamese way (`20/8/2021`) or as ISO 8601 (`2021-08-20`).
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a register can hold: none of its documents is older than 1900 (the oldest
    /// archives' documents are catalogued, not registered), and a year past 2199 is a typing
    /// slip. Dates outside are refused wherever they are read, so no "Sổ … năm 21" is opened.
    public static let validYears = 1900...2199

    /// Makes a date, or returns nil if it does not exist (31/02, 29/02 outside leap years, or a
    /// year outside ``validYears``).
    public init?(year: Int, month: Int, day: Int) {
        guard LocalDate.validYears.contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a date typed by a clerk; throws ``RegistryError/invalidDate(_:)`` when it is not a real date.
    public init(parsing text: String) throws {
        guard let date = LocalDate.parse(text) else { throw RegistryError.invalidDate(text) }
        self = date
    }

    /// Parses `D/M/YYYY`, `D/M/YY`, `D-M-YYYY`, `D.M.YYYY` or `YYYY-MM-DD`; two-digit years are 20YY.
    public static func parse(_ text: String) -> LocalDate? {
        // The stored form first, read in one pass with no array: it is every date of every row
        // a list, an export or the follow-up reads (45,661 rows of five dates on a backlog).
        if let date = isoForm(text.utf8) { return date }
        // Three runs of ASCII digits split by "/", "-" or "."; read from the bytes, since this runs
        // for every date of every imported or registered row.
        var fields: [(value: Int, digits: Int)] = []
        var value = 0
        var digits = 0
        var bytes = Substring(text).utf8.drop(while: { $0 == 0x20 || $0 == 0x09 })
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { bytes = bytes.dropLast() }
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                guard digits < 4 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            case 0x2F, 0x2D, 0x2E:  // / - .
                guard digits > 0, fields.count < 2 else { return nil }
                fields.append((value, digits))
                value = 0
                digits = 0
            default:
                return nil
            }
        }
        guard digits > 0, fields.count == 2 else { return nil }
        fields.append((value, digits))
        if fields[0].digits == 4 {
            // ISO order: YYYY-MM-DD
            guard fields[1].digits <= 2, fields[2].digits <= 2 else { return nil }
            return LocalDate(year: fields[0].value, month: fields[1].value, day: fields[2].value)
        }
        guard fields[0].digits <= 2, fields[1].digits <= 2, fields[2].digits == 2 || fields[2].digits == 4 else { return nil }
        let year = fields[2].digits == 2 ? 2000 + fields[2].value : fields[2].value
        return LocalDate(year: year, month: fields[1].value, day: fields[0].value)
    }

    /// `YYYY-MM-DD` exactly (ten bytes, dashes at 5 and 8), or nil for anything else, which
    /// ``parse(_:)`` then reads the general way.
    private static func isoForm(_ utf8: String.UTF8View) -> LocalDate? {
        guard utf8.count == 10 else { return nil }
        var fields = (0, 0, 0)
        for (index, byte) in utf8.enumerated() {
            if index == 4 || index == 7 {
                guard byte == 0x2D else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            switch index {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        return LocalDate(year: fields.0, month: fields.1, day: fields.2)
    }

    /// The ISO 8601 form, `2021-08-20`: how dates are stored and printed in JSON. Written as its
    /// ten bytes: JSON output writes several per document.
    public var iso: String {
        // validYears keeps the year at four digits.
        let (year, month, day) = (self.year, self.month, self.day)
        return String(unsafeUninitializedCapacity: 10) { buffer in
            buffer[0] = 0x30 + UInt8(year / 1000)
            buffer[1] = 0x30 + UInt8(year / 100 % 10)
            buffer[2] = 0x30 + UInt8(year / 10 % 10)
            buffer[3] = 0x30 + UInt8(year % 10)
            buffer[4] = 0x2D
            buffer[5] = 0x30 + UInt8(month / 10)
            buffer[6] = 0x30 + UInt8(month % 10)
            buffer[7] = 0x2D
            buffer[8] = 0x30 + UInt8(day / 10)
            buffer[9] = 0x30 + UInt8(day % 10)
            return 10
        }
    }

    /// `value` with leading zeros to `width` digits (String(format:) is slow on Linux).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The Vietnamese form, `20/8/2021`.
    public var vietnamese: String { "\(day)/\(month)/\(year)" }

    /// `05/07/2017`: the form a printed register uses.
    public var registerForm: String {
        (day < 10 ? "0\(day)" : "\(day)") + "/" + (month < 10 ? "0\(month)" : "\(month)") + "/\(year)"
    }

    /// The place-date line form, `ngày 05 tháng 01 năm 2020`: days below 10 and months 1 and 2
    /// take a leading zero (ND30 Phụ lục I II.4.b).
    public var longVietnamese: String {
        let d = day < 10 ? "0\(day)" : "\(day)"
        let m = month <= 2 ? "0\(month)" : "\(month)"
        return "ngày \(d) tháng \(m) năm \(year)"
    }

    /// The place-date line, "Kon Tum, ngày 05 tháng 01 năm 2020" ("Ngày …" without a place);
    /// a form still to be dated gets "ngày …… tháng …… năm ……" to write on.
    public static func placeAndDate(_ place: String?, _ day: LocalDate?) -> String {
        let when = day?.longVietnamese ?? "ngày …… tháng …… năm ……"
        guard let place, !place.isEmpty else { return when.capitalizedFirst }
        return "\(place), \(when)"
    }

    public var description: String { iso }

    /// Days since 1970-01-01 (negative before), for arithmetic.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The same day `years` later; 29 February becomes 1 March in a common year.
    public func addingYears(_ years: Int) -> LocalDate {
        LocalDate(year: year + years, month: month, day: day) ?? LocalDate(uncheckedYear: year + years, month: 3, day: 1)
    }

    /// The same day `months` later, or the month's last day when it has no such day (31/8 + 3 → 30/11).
    public func addingMonths(_ months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let (y, m) = (index / 12, index % 12 + 1)
        var d = day
        while LocalDate(year: y, month: m, day: d) == nil { d -= 1 }
        return LocalDate(uncheckedYear: y, month: m, day: d)
    }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// 1 January of `year`.
    public static func firstDay(of year: Int) -> LocalDate { LocalDate(uncheckedYear: year, month: 1, day: 1) }
    /// 31 December of `year`.
    public static func lastDay(of year: Int) -> LocalDate { LocalDate(uncheckedYear: year, month: 12, day: 31) }

    private init(uncheckedYear: Int, month: Int, day: Int) {
        self.year = uncheckedYear
        self.month = month
        self.day = day
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Today in the machine's time zone, or `VANTHU_TODAY=YYYY-MM-DD` when set.
    public static func today(environment: [String: String] = [:]) -> LocalDate {
        if let fixed = environment["VANTHU_TODAY"], let date = LocalDate.parse(fixed) { return date }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(uncheckedYear: 1970, month: 1, day: 1)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
