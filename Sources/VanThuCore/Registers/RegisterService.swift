import Foundation
import GRDB

extension RegisterService {
    /// Refuses, before any file is written, an export the working account may not make: only
    /// the văn thư exports and prints registers and lists (at the terminal, anyone).
    public func checkMayExport() throws {
        try requirePermission(.registers)
    }

    /// The registers of these kinds that hold a day of `period`.
    public func registers(kinds: [RegisterKind], overlapping period: RegisterPeriod) throws -> [Register] {
        try read { db in
            try RegisterRecord.all().of(kinds).overlapping(period.start, period.end).order(RegisterRecord.Columns.startDate).fetchAll(db)
                .map(\.register)
        }
    }

    /// The query of ``forEachDocument(kinds:in:register:expected:_:)``: the kinds, the period's
    /// first and last day, then the register's id when there is one.
    ///
    /// One book in number order is its UNIQUE (registerId, seriesKey, number, numberSuffix)
    /// index walked from its first entry: `+` keeps SQLite from reading the period through the
    /// (kind, registerDate) index and then sorting whole rows in a temporary b-tree. A year's
    /// 100,010 rows in the sqlite3 shell: 0.71–0.82 s -> 0.20–0.23 s; one month's 8,581: 0.050 ->
    /// 0.059 s. The ORDER BY stays: the order never rests on the plan.
    static func documentsInOrder(kinds: [RegisterKind], register: Register?) -> String {
        let perType = register?.perType == true
        let order = perType ? "d.registerId, d.id" : "d.registerId, d.seriesKey, d.number, d.numberSuffix"
        // Only one book's numbers lie in one stretch of that index.
        let (kind, date) = register != nil && !perType ? ("+d.kind", "+d.registerDate") : ("d.kind", "d.registerDate")
        return """
            SELECT \(Document.selection) FROM document d
            WHERE \(kind) IN (\(placeholders(kinds))) AND \(date) BETWEEN ? AND ?\(register == nil ? "" : " AND d.registerId = ?")
            ORDER BY \(order)
            """
    }

    /// Calls `body` for each document of these kinds registered in `period`, in register order,
    /// reading one row at a time: memory stays flat however long the register.
    /// With `register`, only that register's (a volume's) documents. A book with a series per
    /// type lists its documents in the order they were registered, as they were issued.
    public func forEachDocument(
        kinds: [RegisterKind], in period: RegisterPeriod, register: Register? = nil, expected: Int? = nil, _ body: (Document) throws -> Void
    ) throws {
        try requirePermission(.registers)
        return try read { db in
            let rows = try Row.fetchCursor(
                db, sql: Self.documentsInOrder(kinds: kinds, register: register),
                arguments: StatementArguments(kinds.map(\.rawValue) + [period.start.iso, period.end.iso] + (register.map { [$0.id] } ?? [])))
            var done = 0
            while let row = try rows.next() {
                if done % 512 == 0 { try context.report(.exporting, .documents, done: done, total: expected) }
                try body(try Document(row: row))
                done += 1
            }
        }
    }
}

/// How many documents a register holds for a period, and its first and last numbers.
public struct RegisterExtent: Equatable, Sendable {
    public var count: Int
    public var first: Int?
    public var last: Int?
    /// The day of the book's first and last entries (the cover's "Từ ngày … đến ngày …").
    public var firstDate: LocalDate?
    public var lastDate: LocalDate?

    public init(count: Int, first: Int? = nil, last: Int? = nil, firstDate: LocalDate? = nil, lastDate: LocalDate? = nil) {
        self.count = count
        self.first = first
        self.last = last
        self.firstDate = firstDate
        self.lastDate = lastDate
    }
}

extension RegisterExtent {
    /// Reads a row of `count`, `first`, `last`, `firstDate`, `lastDate` (none for an empty book).
    init(row: Row?) {
        self.init(
            count: row?["count"] ?? 0, first: row?["first"], last: row?["last"],
            firstDate: (row?["firstDate"] as String?).flatMap(LocalDate.parse), lastDate: (row?["lastDate"] as String?).flatMap(LocalDate.parse))
    }
}

extension RegisterService {
    public func extent(kinds: [RegisterKind], in period: RegisterPeriod, register: Register? = nil) throws -> RegisterExtent {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql:
                    """
                    SELECT COUNT(*) AS count, MIN(number) AS first, MAX(number) AS last, MIN(registerDate) AS firstDate,
                        MAX(registerDate) AS lastDate
                    FROM document WHERE kind IN (\(placeholders(kinds))) AND registerDate BETWEEN ? AND ?\(register == nil ? "" : " AND registerId = ?")
                    """,
                arguments: StatementArguments(kinds.map(\.rawValue) + [period.start.iso, period.end.iso] + (register.map { [$0.id] } ?? [])))
            return RegisterExtent(row: row)
        }
    }
}

/// `?, ?, ?`: one placeholder per kind, for `kind IN (…)`.
func placeholders(_ kinds: [RegisterKind]) -> String {
    kinds.map { _ in "?" }.joined(separator: ", ")
}

extension RegisterService {
    /// Every series with its counts and next number.
    public func seriesSummaries() throws -> [SeriesSummary] {
        try read { db in
            let registers = try RegisterRecord.all().chronological().fetchAll(db).map(\.register)
            return try registers.flatMap { register -> [SeriesSummary] in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT seriesKey, COUNT(*) AS count, COUNT(voidedAt) AS voided, MIN(number) AS first, MAX(number) AS last
                        FROM document WHERE registerId = ? GROUP BY seriesKey
                        UNION
                        SELECT seriesKey, 0, 0, NULL, NULL FROM seriesStart s WHERE registerId = ?
                          AND NOT EXISTS (SELECT 1 FROM document WHERE registerId = s.registerId AND seriesKey = s.seriesKey)
                        ORDER BY seriesKey
                        """,
                    arguments: [register.id, register.id])
                if rows.isEmpty {
                    return [SeriesSummary(register: register, seriesKey: "", count: 0, voided: 0, first: nil, last: nil, nextNumber: 1)]
                }
                return try rows.map { row in
                    let key: String = row["seriesKey"]
                    let (next, _) = try RegistrationService(store: store).allocateNumber(register: register, seriesKey: key, subNumberOf: nil, db)
                    return SeriesSummary(
                        register: register, seriesKey: key, count: row["count"], voided: row["voided"], first: row["first"], last: row["last"],
                        nextNumber: next)
                }
            }
        }
    }
}
