import Foundation
import GRDB

extension HandlingService {
    /// Late and nearly-late incoming documents on `context.today`: not routed in time (ND30
    /// Điều 23.1), past their deadline, or due within `soon` (`3wd`, `5d`, or up to a date;
    /// today only when nil). Urgent documents come first, then units in order, then deadlines.
    public func followUp(unit: String? = nil, soon: String? = nil) throws -> FollowUpReport {
        // A chuyên viên follows their own unit's documents; the văn thư and leaders every unit's.
        var requested = unit
        if let account = context.account, !AccessRules.may(account, .followUp) {
            guard account.role == .officer, let own = AccessRules.unitName(of: account) else {
                throw AccountError.forbidden(.followUp, role: account.role)
            }
            requested = own
        }
        let window = try soon.flatMap(VietnameseText.nonEmpty).map(Deadline.init(parsing:))
        let unit = VietnameseText.nonEmpty(requested).map(VietnameseText.fold)
        let today = context.today
        return try read { db in
            let calendar = try workingCalendar(db)
            let soonUntil = window?.resolved(from: today, calendar: calendar) ?? today
            // Working days from each distinct day to today (negative after today), counted once.
            var memo: [Int: Int] = [:]
            func workingDaysToToday(from day: LocalDate) -> Int {
                if let known = memo[day.dayNumber] { return known }
                let count = calendar.workingDays(from: day, to: today)
                memo[day.dayNumber] = count
                return count
            }
            func workingDaysLate(since day: LocalDate) -> Int { max(1, workingDaysToToday(from: day)) }
            var items: [FollowUpItem] = []
            if unit == nil {
                let cutoff = calendar.previousWorkingDay(before: today)
                let unrouted = try Document.fetchAll(
                    db,
                    where:
                        "\(Self.openCondition) AND d.status = 'registered' AND (d.registerDate < ? OR (d.urgency IS NOT NULL AND d.registerDate < ?))",
                    arguments: [cutoff.iso, today.iso], withRecipients: false)
                for document in unrouted {
                    let deadline = document.urgency == nil ? calendar.nextWorkingDay(after: document.registerDate) : document.registerDate
                    items.append(FollowUpItem(document: document, state: .lateToPresent(days: workingDaysLate(since: deadline))))
                }
            }
            let routed = try Document.fetchAll(
                db, where: "\(Self.openCondition) AND d.status IN ('routed', 'inProgress') AND d.dueDate <= ?", arguments: [soonUntil.iso],
                withRecipients: false)
            for document in routed {
                guard let due = document.dueDate else { continue }
                if let unit, VietnameseText.fold(document.handler ?? "") != unit,
                    !document.coHandlers.contains(where: { VietnameseText.fold($0) == unit })
                {
                    continue
                }
                if due < today {
                    items.append(FollowUpItem(document: document, state: .overdue(days: workingDaysLate(since: due))))
                } else {
                    items.append(FollowUpItem(document: document, state: .dueSoon(days: -workingDaysToToday(from: due))))
                }
            }
            return FollowUpReport(today: today, soonUntil: soonUntil, items: Self.sortedForFollowUp(items))
        }
    }

    /// Urgent first (Hỏa tốc, Thượng khẩn, Khẩn), then not-routed, then by unit, state, deadline.
    /// Sorts small keys, not the documents: moving documents around cost more than the query.
    private static func sortedForFollowUp(_ items: [FollowUpItem]) -> [FollowUpItem] {
        var units: [String: Int] = [:]
        for unit in Set(items.map { $0.document.handler ?? "" }).sorted() { units[unit] = units.count }
        let keys = items.indices.map { index -> (Int, Int, Int, Int, Int64, Int) in
            let d = items[index].document
            return (
                urgencyRank(d.urgency), units[d.handler ?? ""] ?? 0, items[index].state.rank, (d.dueDate ?? d.registerDate).dayNumber, d.id, index
            )
        }
        return keys.sorted { ($0.0, $0.1, $0.2, $0.3, $0.4) < ($1.0, $1.1, $1.2, $1.3, $1.4) }.map { items[$0.5] }
    }

    static func urgencyRank(_ urgency: Urgency?) -> Int {
        switch urgency {
        case .hoaToc: 0
        case .thuongKhan: 1
        case .khan: 2
        case nil: 3
        }
    }

    /// An incoming document late on `today`: past its deadline, or not routed by `cutoff` (the
    /// working day before today), or at once when urgent. The days are written in as ISO
    /// literals (never a clerk's text), so the condition fits any query over `document`.
    static func lateCondition(today: LocalDate, cutoff: LocalDate) -> String {
        """
        (status IN ('routed', 'inProgress') AND dueDate < '\(today.iso)'
            OR status = 'registered' AND (registerDate < '\(cutoff.iso)' OR urgency IS NOT NULL AND registerDate < '\(today.iso)'))
        """
    }

    /// Matches the partial index `document_open` word for word, so SQLite can use it.
    static let openCondition = "d.status IN ('registered', 'routed', 'inProgress') AND d.voidedAt IS NULL"

    /// The processing report for documents that arrived in `period`, counted on
    /// `context.today`: per lead unit, received, done on time, done late, pending, overdue.
    public func processingReport(period: RegisterPeriod) throws -> ProcessingReport {
        try requirePermission(.followUp)
        let today = context.today
        return try read { db in
            let calendar = try workingCalendar(db)
            let presentCutoff = calendar.previousWorkingDay(before: today)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT handler, COUNT(*) AS received,
                        SUM(status = 'done' AND (dueDate IS NULL OR doneDate <= dueDate)) AS doneOnTime,
                        SUM(status = 'done' AND dueDate IS NOT NULL AND doneDate > dueDate) AS doneLate,
                        SUM(status IN ('routed', 'inProgress') AND (dueDate IS NULL OR dueDate >= :today)
                            OR status = 'registered' AND registerDate >= :cutoff AND (urgency IS NULL OR registerDate >= :today)) AS pending,
                        SUM(\(Self.lateCondition(today: today, cutoff: presentCutoff))) AS overdue,
                        SUM(status = 'returned') AS returned
                    FROM document
                    WHERE kind IN ('incoming', 'secretIncoming') AND voidedAt IS NULL AND registerDate BETWEEN :start AND :end
                    GROUP BY handler ORDER BY handler
                    """,
                arguments: ["today": today.iso, "cutoff": presentCutoff.iso, "start": period.start.iso, "end": period.end.iso])
            var byUnit: [String: ProcessingRow] = [:]
            var order: [String] = []
            var total = ProcessingRow(unit: nil)
            for row in rows {
                let unit: String? = row["handler"]
                let key = unit.map(VietnameseText.fold) ?? ""
                if byUnit[key] == nil { order.append(key) }
                var line = byUnit[key] ?? ProcessingRow(unit: unit)
                for (path, column) in [
                    (\ProcessingRow.received, "received"), (\.doneOnTime, "doneOnTime"), (\.doneLate, "doneLate"),
                    (\.pending, "pending"), (\.overdue, "overdue"), (\.returned, "returned"),
                ] {
                    let value: Int = row[column] ?? 0
                    line[keyPath: path] += value
                    total[keyPath: path] += value
                }
                byUnit[key] = line
            }
            // Not-routed documents last, under their own line.
            let lines = order.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }.compactMap { byUnit[$0] }
            let urgent = try Document.fetchAll(
                db, where: "\(Self.openCondition) AND d.urgency IS NOT NULL AND d.registerDate BETWEEN ? AND ?",
                arguments: [period.start.iso, period.end.iso], suffix: "ORDER BY d.registerDate, d.number")
            return ProcessingReport(period: period, today: today, rows: lines, total: total, urgentOpen: urgent)
        }
    }
}

extension ProcessingReport: Encodable {
    public func encode(to encoder: any Encoder) throws {
        func json(_ row: ProcessingRow) -> JSONValue {
            .fields([
                ("doneLate", JSONValue(row.doneLate)), ("doneOnTime", JSONValue(row.doneOnTime)), ("overdue", JSONValue(row.overdue)),
                ("pending", JSONValue(row.pending)), ("received", JSONValue(row.received)), ("returned", JSONValue(row.returned)),
                ("unit", JSONValue(row.unit)),
            ])
        }
        try JSONValue.fields([
            ("from", .string(period.start.iso)), ("to", .string(period.end.iso)), ("today", .string(today.iso)),
            ("total", json(total)), ("units", .array(rows.map(json))),
            ("urgentOpen", .array(urgentOpen.map { .string($0.reference) })),
        ]).encode(to: encoder)
    }
}
