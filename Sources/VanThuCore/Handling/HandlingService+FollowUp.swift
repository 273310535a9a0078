import Foundation
import GRDB

extension HandlingService {
    /// Late and nearly-late incoming documents on `context.today`: not routed in time (ND30
    /// Điều 23.1), past their deadline, or due within `soon` (`3wd`, `5d`, or up to a date;
    /// today only when nil). Urgent documents come first, then units in order, then deadlines.
    public func followUp(unit: String? = nil, soon: String? = nil) throws -> FollowUpReport {
        try followUp(unit: unit, soon: soon, splitFrom: Self.followUpSplit)
    }

    /// The file size, in ids, from which the follow-up list is read on two connections.
    static let followUpSplit: Int64 = 20_000

    /// As ``followUp(unit:soon:)``, read on two connections from `splitFrom` ids (tests set it low).
    func followUp(unit: String?, soon: String?, splitFrom: Int64) throws -> FollowUpReport {
        let list = try followUpList(
            unit: unit, soon: soon, splitFrom: splitFrom, columns: Document.selectionWithoutRecipients,
            read: { row in FollowUpItem(document: try Document(row: row), state: .dueSoon(days: 0)) },
            fields: { item in
                let d = item.document
                return FollowUpFields(id: d.id, registerDate: d.registerDate, dueDate: d.dueDate, urgency: d.urgency, handler: d.handler)
            },
            coHandlers: { $0.document.coHandlers }, state: \.state)
        return FollowUpReport(today: list.today, soonUntil: list.soonUntil, items: list.items)
    }

    /// The same list as ``followUp(unit:soon:)`` as indented JSON (`items`, each with its whole
    /// document, then `soonUntil`, `today`, `units`), handed to `output` in pieces of about
    /// 256 kB, each cut between two items.
    ///
    /// Each document is written as JSON as soon as it is read, into one block, and only what the
    /// list is ordered by is kept beside it: the list of 45,661 documents of a 100,000-document
    /// backlog, kept as documents, then written out and freed, spent 18 % of `overdue --json` in
    /// copies and frees of their texts (perf), and held 45,661 documents' texts at once.
    ///
    /// On a machine with more than one core, a second connection reads and writes the documents
    /// of the upper half of the ids meanwhile (the two parts are then ordered together); its
    /// part is kept when it saw the same last journal entry, else read again here.
    public func writeFollowUpJSON(unit: String? = nil, soon: String? = nil, to output: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        try writeFollowUpJSON(unit: unit, soon: soon, splitFrom: Self.followUpSplit, to: output)
    }

    /// As ``writeFollowUpJSON(unit:soon:to:)``, shared between two connections when the file's
    /// highest id is at least `splitFrom` (tests set it low).
    /// - Returns: how many parts the second connection read (0 or 1).
    @discardableResult
    func writeFollowUpJSON(unit: String?, soon: String?, splitFrom: Int64, to output: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Int {
        let (scope, parts, besides) = try followUpParts(unit: unit, soon: soon, splitFrom: splitFrom) { db, scope, ids in
            try Self.followUpJSONPart(db, scope: scope, ids: ids)
        }
        var entries: [FollowUpEntry] = []
        for (block, part) in parts.enumerated() {
            entries += part.entries.map { entry in
                var entry = entry
                entry.block = block
                return entry
            }
        }
        Self.sortForFollowUp(&entries, fields: { $0.fields }, state: \.state)
        FollowUpEntry.writeJSON(today: scope.today, soonUntil: scope.soonUntil, entries: entries, documents: parts.map(\.documents), to: output)
        return besides
    }

    /// What a list is asked for, as the first connection read it: handed to the second.
    struct FollowUpScope: Sendable {
        /// Folded; nil for every unit's list.
        var unit: String?
        var today: LocalDate
        var soonUntil: LocalDate
        var calendar: WorkingCalendar
    }

    /// `part` of the documents in the lower half of the ids, read here in one transaction, and,
    /// with more than one core and a highest id of at least `splitFrom`, of the upper half on a
    /// second connection meanwhile. The second one's part is kept when it saw the same last
    /// journal entry (each write vanthu makes adds one), else that half is read here too.
    /// - Returns: also how many parts the second connection read (0 or 1).
    private func followUpParts<Part: Sendable>(
        unit: String?, soon: String?, splitFrom: Int64, _ part: @escaping @Sendable (Database, FollowUpScope, ClosedRange<Int64>) throws -> Part
    ) throws -> (scope: FollowUpScope, parts: [Part], besides: Int) {
        let (window, unit) = try followUpRequest(unit: unit, soon: soon)
        let today = context.today
        return try self.read { db in
            let calendar = try workingCalendar(db)
            let scope = FollowUpScope(
                unit: unit, today: today, soonUntil: window?.resolved(from: today, calendar: calendar) ?? today, calendar: calendar)
            let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM document") ?? 0
            let split: Int64? = ProcessInfo.processInfo.activeProcessorCount > 1 && highest >= splitFrom ? highest / 2 : nil
            // Asked only when the list is shared: the second connection compares it.
            let head = split == nil ? nil : try JournalHead.of(db)
            let helper = split.flatMap { split in
                store.readBeside { db -> Part? in
                    guard try JournalHead.of(db) == head else { return nil }
                    return try part(db, scope, (split + 1)...Int64.max)
                }
            }
            defer { _ = helper?.wait() }
            var parts = [try part(db, scope, Int64.min...(split ?? Int64.max))]
            let besides = helper?.wait().flatMap { $0 }
            if let split { parts.append(try besides ?? part(db, scope, (split + 1)...Int64.max)) }
            return (scope, parts, besides == nil ? 0 : 1)
        }
    }

    /// The follow-up entries among the documents with ids in `ids`, each document written as
    /// JSON as it is read, unordered.
    private static func followUpJSONPart(_ db: Database, scope: FollowUpScope, ids: ClosedRange<Int64>) throws -> FollowUpJSONPart {
        // At the depth of an item's `document`: the report, its `items`, the item.
        var documents = JSONWriter(prettyAtDepth: 3, capacity: 1 << 20)
        let entries = try chooseFollowUp(
            db, scope: scope, ids: ids, columns: Document.selectionWithoutRecipients,
            read: { row in
                let document = try Document(row: row)
                let start = documents.count
                documents.object { document.writeFields(into: &$0) }
                return FollowUpEntry(
                    fields: FollowUpFields(
                        id: document.id, registerDate: document.registerDate, dueDate: document.dueDate, urgency: document.urgency,
                        handler: document.handler),
                    coHandlers: document.coHandlers, reference: document.reference, state: .dueSoon(days: 0), json: start..<documents.count)
            },
            fields: { $0.fields }, coHandlers: { $0.coHandlers }, state: \.state,
            // A document left out of a unit's list, just written: its text is dropped again.
            discarded: { entry in if entry.json.upperBound == documents.count { documents.truncate(to: entry.json.lowerBound) } })
        return FollowUpJSONPart(entries: entries, documents: documents.storage)
    }

    /// The same list as ``followUp(unit:soon:)``, each line only what the terminal shows: the
    /// rest of each document is not read (the list of a 100,000-document backlog has 45,661).
    public func followUpLines(unit: String? = nil, soon: String? = nil) throws -> FollowUpLines {
        try followUpLines(unit: unit, soon: soon, splitFrom: Self.followUpSplit)
    }

    /// As ``followUpLines(unit:soon:)``, read on two connections from `splitFrom` ids.
    func followUpLines(unit: String?, soon: String?, splitFrom: Int64) throws -> FollowUpLines {
        let list = try followUpList(
            unit: unit, soon: soon, splitFrom: splitFrom, columns: FollowUpLine.selection, read: FollowUpLine.init(row:),
            fields: { line in
                FollowUpFields(id: line.id, registerDate: line.registerDate, dueDate: line.dueDate, urgency: line.urgency, handler: line.handler)
            },
            coHandlers: { $0.coHandlers }, state: \.state)
        return FollowUpLines(today: list.today, soonUntil: list.soonUntil, lines: list.items)
    }

    /// What the list is chosen and ordered by, of a document or a line.
    struct FollowUpFields {
        var id: Int64
        var registerDate: LocalDate
        var dueDate: LocalDate?
        var urgency: Urgency?
        var handler: String?
    }

    /// The follow-up list of `Item`s read with `columns` from `document d`: chosen, given their
    /// state, and ordered; `coHandlers` is asked only for a unit's list. Read in two parts on two
    /// connections when the file is large enough (``followUpParts(unit:soon:splitFrom:_:)``).
    private func followUpList<Item: Sendable>(
        unit: String?, soon: String?, splitFrom: Int64, columns: String, read: @escaping @Sendable (Row) throws -> Item,
        fields: @escaping @Sendable (Item) -> FollowUpFields, coHandlers: @escaping @Sendable (Item) -> [String],
        state: WritableKeyPath<Item, FollowUpState> & Sendable
    ) throws -> (today: LocalDate, soonUntil: LocalDate, items: [Item]) {
        let (scope, parts, _) = try followUpParts(unit: unit, soon: soon, splitFrom: splitFrom) { db, scope, ids in
            try Self.chooseFollowUp(
                db, scope: scope, ids: ids, columns: columns, read: read, fields: fields, coHandlers: coHandlers, state: state, discarded: { _ in })
        }
        var items = parts.count == 1 ? parts[0] : parts.flatMap { $0 }
        Self.sortForFollowUp(&items, fields: fields, state: state)
        return (scope.today, scope.soonUntil, items)
    }

    /// The window (`soon` parsed) and the unit (folded) a list is asked for. A chuyên viên
    /// follows their own unit's documents; the văn thư and leaders every unit's.
    private func followUpRequest(unit: String?, soon: String?) throws -> (window: Deadline?, unit: String?) {
        var requested = unit
        if let account = context.account, !AccessRules.may(account, .followUp) {
            guard account.role == .officer, let own = AccessRules.unitName(of: account) else {
                throw AccountError.forbidden(.followUp, role: account.role)
            }
            requested = own
        }
        let window = try soon.flatMap(VietnameseText.nonEmpty).map(Deadline.init(parsing:))
        return (window, VietnameseText.nonEmpty(requested).map(VietnameseText.fold))
    }

    /// The `Item`s of the follow-up list among the documents with ids in `ids` (all when nil),
    /// each given its state, unordered; `discarded` is handed each one read and left out.
    private static func chooseFollowUp<Item>(
        _ db: Database, scope: FollowUpScope, ids: ClosedRange<Int64>?, columns: String, read: (Row) throws -> Item, fields: (Item) -> FollowUpFields,
        coHandlers: (Item) -> [String],
        state: WritableKeyPath<Item, FollowUpState>, discarded: (Item) -> Void
    ) throws -> [Item] {
        let (unit, today, soonUntil, calendar) = (scope.unit, scope.today, scope.soonUntil, scope.calendar)
        // Working days from each distinct day to today (negative after today), counted once.
        var memo: [Int: Int] = [:]
        func workingDaysToToday(from day: LocalDate) -> Int {
            if let known = memo[day.dayNumber] { return known }
            let count = calendar.workingDays(from: day, to: today)
            memo[day.dayNumber] = count
            return count
        }
        func workingDaysLate(since day: LocalDate) -> Int { max(1, workingDaysToToday(from: day)) }
        var items: [Item] = []
        /// Reads the rows of `condition`, keeping each item `body` gives its state.
        // The matching ids are gathered from the index first, and the rows read in id order:
        // read in the index's order (by deadline), each row was a jump to another page of
        // the table, read again by pread once the page cache had dropped it. The backlog's
        // 45,661 rows in the sqlite3 shell: 119 ms warm, 587 ms cold -> 70 ms.
        func each(_ condition: String, _ arguments: StatementArguments, _ body: (inout Item, FollowUpFields) -> Bool) throws {
            var condition = condition
            var arguments = arguments
            if let ids {
                condition += " AND d.id BETWEEN ? AND ?"
                arguments += [ids.lowerBound, ids.upperBound]
            }
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(columns) FROM document d WHERE d.id IN (SELECT d.id FROM document d WHERE \(condition))", arguments: arguments)
            while let row = try rows.next() {
                var item = try read(row)
                if body(&item, fields(item)) { items.append(item) } else { discarded(item) }
            }
        }
        if unit == nil {
            let cutoff = calendar.previousWorkingDay(before: today)
            try each(
                "\(Self.openCondition) AND d.status = 'registered' AND (d.registerDate < ? OR (d.urgency IS NOT NULL AND d.registerDate < ?))",
                [cutoff.iso, today.iso]
            ) { item, d in
                let deadline = d.urgency == nil ? calendar.nextWorkingDay(after: d.registerDate) : d.registerDate
                item[keyPath: state] = .lateToPresent(days: workingDaysLate(since: deadline))
                return true
            }
        }
        try each("\(Self.openCondition) AND d.status IN ('routed', 'inProgress') AND d.dueDate <= ?", [soonUntil.iso]) { item, d in
            // A unit's list: the documents it leads or co-operates on (names compared folded).
            if let unit, VietnameseText.fold(d.handler ?? "") != unit, !coHandlers(item).contains(where: { VietnameseText.fold($0) == unit }) {
                return false
            }
            let due = d.dueDate ?? today
            item[keyPath: state] = due < today ? .overdue(days: workingDaysLate(since: due)) : .dueSoon(days: -workingDaysToToday(from: due))
            return true
        }
        return items
    }

    /// Urgent first (Hỏa tốc, Thượng khẩn, Khẩn), then not-routed, then by unit, state, deadline.
    /// Sorts small keys, then moves each item once to its place (a cycle of swaps, no copy): a
    /// copy of each item, then freeing the old array, was most of the sort.
    private static func sortForFollowUp<Item>(_ items: inout [Item], fields: (Item) -> FollowUpFields, state: KeyPath<Item, FollowUpState>) {
        var units: [String: Int] = [:]
        for unit in Set(items.map { fields($0).handler ?? "" }).sorted() { units[unit] = units.count }
        let order = items.indices.map { index -> (Int, Int, Int, Int, Int64, Int) in
            let d = fields(items[index])
            let rank = items[index][keyPath: state].rank
            return (urgencyRank(d.urgency), units[d.handler ?? ""] ?? 0, rank, (d.dueDate ?? d.registerDate).dayNumber, d.id, index)
        }
        .sorted { ($0.0, $0.1, $0.2, $0.3, $0.4) < ($1.0, $1.1, $1.2, $1.3, $1.4) }
        .map(\.5)
        // Position i takes the item now at order[i]: follow each cycle of the permutation.
        var placed = [Bool](repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { items in
            for start in items.indices where !placed[start] {
                var position = start
                placed[start] = true
                while !placed[order[position]] {
                    items.swapAt(position, order[position])
                    position = order[position]
                    placed[position] = true
                }
            }
        }
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

    /// Matches the partial indexes `document_open` and `document_open_by_date` word for word (as
    /// v13 writes them; SQLite reads the `IN` of older files' indexes as the same), so SQLite can
    /// use them.
    static let openCondition = "(d.status = 'registered' OR d.status = 'routed' OR d.status = 'inProgress') AND d.voidedAt IS NULL"

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
