/// The stretch of dates a printed register covers: a year, a month, a quarter, or any two days.
public struct RegisterPeriod: Equatable, Sendable {
    public let start: LocalDate
    public let end: LocalDate

    public init(start: LocalDate, end: LocalDate) throws {
        guard start <= end else { throw RegistryError.dateOrder(earlier: .periodStart, later: .periodEnd) }
        self.start = start
        self.end = end
    }

    /// Reads exactly one of `--year 2021`, `--month 2021-08`, `--quarter 2021-Q3`, `--from … --to …`.
    public init(year: Int?, month: String?, quarter: String?, from: String?, to: String?) throws {
        let given = [year != nil, month != nil, quarter != nil, from != nil || to != nil].filter { $0 }.count
        guard given == 1 else { throw RegistryError.emptyField(.period) }
        if let year {
            guard LocalDate.validYears.contains(year) else { throw RegistryError.invalidNumber(String(year)) }
            try self.init(start: .firstDay(of: year), end: .lastDay(of: year))
        } else if let month {
            let parts = month.split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
            let (y, m) = parts.count == 2 ? (parts[0] > 12 ? (parts[0], parts[1]) : (parts[1], parts[0])) : (0, 0)
            guard let first = LocalDate(year: y, month: m, day: 1) else { throw RegistryError.invalidPeriod(month) }
            try self.init(start: first, end: first.addingMonths(1).adding(days: -1))
        } else if let quarter {
            let parts = quarter.uppercased().split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), (1...4).contains(q),
                let first = LocalDate(year: y, month: (q - 1) * 3 + 1, day: 1)
            else { throw RegistryError.invalidPeriod(quarter) }
            try self.init(start: first, end: first.addingMonths(3).adding(days: -1))
        } else {
            guard let from, let to else { throw RegistryError.emptyField(from == nil ? .periodStart : .periodEnd) }
            try self.init(start: LocalDate(parsing: from), end: LocalDate(parsing: to))
        }
    }
}
