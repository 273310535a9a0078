/// Why a document is on the follow-up list (theo dõi, đôn đốc).
public enum FollowUpState: Equatable, Sendable {
    /// Registered but not routed by the end of the next working day (ND30 Điều 23.1); an
    /// urgent one by the end of its arrival day. `days`: working days late.
    case lateToPresent(days: Int)
    /// Past its deadline by `days` working days.
    case overdue(days: Int)
    /// Due today (0) or within `days` working days.
    case dueSoon(days: Int)

    /// The sort order of the list: late first.
    var rank: Int {
        switch self {
        case .lateToPresent: 0
        case .overdue: 1
        case .dueSoon: 2
        }
    }

    public func name(in lang: Language) -> String {
        switch (self, lang) {
        case (.lateToPresent(let d), .vi): "Chậm trình \(d) ngày làm việc"
        case (.lateToPresent(let d), .en): "Not routed, \(d) working day\(d == 1 ? "" : "s") late"
        case (.overdue(let d), .vi): "Quá hạn \(d) ngày làm việc"
        case (.overdue(let d), .en): "Overdue by \(d) working day\(d == 1 ? "" : "s")"
        case (.dueSoon(0), .vi): "Đến hạn hôm nay"
        case (.dueSoon(0), .en): "Due today"
        case (.dueSoon(let d), .vi): "Còn \(d) ngày làm việc"
        case (.dueSoon(let d), .en): "Due in \(d) working day\(d == 1 ? "" : "s")"
        }
    }

    /// `lateToPresent`, `overdue`, `dueSoon`: the JSON name.
    public var code: String {
        switch self {
        case .lateToPresent: "lateToPresent"
        case .overdue: "overdue"
        case .dueSoon: "dueSoon"
        }
    }

    public var days: Int {
        switch self {
        case .lateToPresent(let d), .overdue(let d), .dueSoon(let d): d
        }
    }
}

/// One document on the follow-up list.
public struct FollowUpItem: Sendable {
    public var document: Document
    public var state: FollowUpState
}

/// Late and nearly-late documents on a given day: urgent ones first, then by unit.
public struct FollowUpReport: Sendable {
    public var today: LocalDate
    /// The last day counted as "due soon".
    public var soonUntil: LocalDate
    public var items: [FollowUpItem]

    /// How many documents each unit has late and due soon, units in list order; documents not
    /// yet routed count under `nil`.
    public var byUnit: [(unit: String?, late: Int, soon: Int)] {
        items.withUnsafeBufferPointer { items in Self.countByUnit(items.indices.lazy.map { (items[$0].document.handler, items[$0].state) }) }
    }

    /// Late and due-soon counts per unit, units in the order they first come. The callers read
    /// each item in place (`withUnsafeBufferPointer`): a lazy map over the array handed the
    /// closure a copy of each, a retain and a release of every text it holds (2.5 % of
    /// `overdue` on the backlog's 45,661 lines).
    static func countByUnit(_ items: some Sequence<(String?, FollowUpState)>) -> [(unit: String?, late: Int, soon: Int)] {
        var order: [(unit: String?, late: Int, soon: Int)] = []
        var positions: [String?: Int] = [:]
        for (unit, state) in items {
            // The list is in unit order within each urgency: most items are the previous one's unit.
            let position: Int
            if let last = order.indices.last, order[last].unit == unit {
                position = last
            } else if let known = positions[unit] {
                position = known
            } else {
                position = order.count
                positions[unit] = position
                order.append((unit, 0, 0))
            }
            if case .dueSoon = state { order[position].soon += 1 } else { order[position].late += 1 }
        }
        return order
    }
}

/// One line of the follow-up list with only what the terminal shows of its document: what
/// ``HandlingService/followUpLines(unit:soon:)`` reads instead of whole documents.
public struct FollowUpLine: Sendable {
    public var id: Int64
    /// As ``Document/displayNumber``, made once as the line is read (from its kind, number and
    /// suffix, which the line keeps no further): a property computed for each line of the
    /// terminal's table copied the whole line to be asked (3 % of the backlog's 45,661 lines,
    /// in swift_retain).
    public let displayNumber: String
    public var registerDate: LocalDate
    public var typeName: String
    public var subject: String
    public var handler: String?
    public var coHandlers: [String]
    public var dueDate: LocalDate?
    public var urgency: Urgency?
    public var secrecy: Secrecy?
    public var state: FollowUpState
}

/// The follow-up list as ``FollowUpLine``s: the same lines, in the same order, as a ``FollowUpReport``.
public struct FollowUpLines: Sendable {
    public var today: LocalDate
    public var soonUntil: LocalDate
    public var lines: [FollowUpLine]

    /// As ``FollowUpReport/byUnit``.
    public var byUnit: [(unit: String?, late: Int, soon: Int)] {
        lines.withUnsafeBufferPointer { lines in FollowUpReport.countByUnit(lines.indices.lazy.map { (lines[$0].handler, lines[$0].state) }) }
    }
}

/// One row of the processing report (Báo cáo tình hình giải quyết văn bản đến).
public struct ProcessingRow: Equatable, Sendable {
    /// The lead unit; nil for documents not yet routed.
    public var unit: String?
    public var received = 0
    public var doneOnTime = 0
    public var doneLate = 0
    /// Open and not past the deadline.
    public var pending = 0
    /// Open and past the deadline (or not routed in time).
    public var overdue = 0
    public var returned = 0

    public init(unit: String?) { self.unit = unit }

    /// The counts in report order: received, done on time, done late, pending, overdue, returned.
    public var counts: [Int] { [received, doneOnTime, doneLate, pending, overdue, returned] }
}

/// The processing report for a period: one row per unit, urgent documents counted apart.
public struct ProcessingReport: Sendable {
    public var period: RegisterPeriod
    public var today: LocalDate
    public var rows: [ProcessingRow]
    public var total: ProcessingRow
    /// Urgent documents of the period still open.
    public var urgentOpen: [Document]
}
