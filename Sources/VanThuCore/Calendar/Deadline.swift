/// A time limit as a clerk writes it: `10wd` (working days, also `10nlv`), `7d` (calendar
/// days, also `7ngay`) or a date (`15/9/2021`).
public enum Deadline: Equatable, Sendable {
    case workingDays(Int)
    case days(Int)
    case date(LocalDate)

    public init(parsing text: String) throws {
        let cleaned = VietnameseText.fold(text).filter { $0 != " " }
        let digits = cleaned.prefix { $0.isASCIIDigit }
        let unit = cleaned.dropFirst(digits.count)
        if !digits.isEmpty, !unit.isEmpty, unit.allSatisfy(\.isLetter), let count = Int(digits) {
            guard count >= 0, count <= 3650 else { throw RegistryError.invalidDeadline(text) }
            switch unit {
            case "wd", "nlv", "ngaylamviec":
                self = .workingDays(count)
                return
            case "d", "ngay":
                self = .days(count)
                return
            default: throw RegistryError.invalidDeadline(text)
            }
        }
        guard cleaned.contains(where: { $0 == "/" || $0 == "-" || $0 == "." }) else { throw RegistryError.invalidDeadline(text) }
        self = .date(try LocalDate(parsing: text))
    }

    /// The last day of the limit, counted from `start`.
    public func resolved(from start: LocalDate, calendar: WorkingCalendar) -> LocalDate {
        switch self {
        case .workingDays(let count): calendar.adding(workingDays: count, to: start)
        case .days(let count): start.adding(days: count)
        case .date(let date): date
        }
    }
}
