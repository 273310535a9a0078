import Foundation
import GRDB

/// How many numbers a series has given, for `vanthu register list`.
public struct SeriesSummary: Sendable {
    public var register: Register
    public var seriesKey: String
    public var count: Int
    public var voided: Int
    public var first: Int?
    public var last: Int?
    public var nextNumber: Int
}

extension Registry {
    /// The document a reference names (`42`, `den/2021/783`, `di/2021/BC/86`).
    public func document(reference text: String) throws -> Document {
        let reference = try DocumentReference(parsing: text)
        return try read { db in try document(reference, text: text, db) }
    }

    func document(_ reference: DocumentReference, text: String, _ db: Database) throws -> Document {
        switch reference {
        case .id(let id):
            guard let document = try Document.fetch(db, id: id) else { throw RegistryError.documentNotFound(text) }
            return document
        case .number(let kind, let year, let typeCode, let number, let suffix):
            let candidates = try Document.fetchAll(
                db, where: "d.kind = ? AND d.number = ? AND d.numberSuffix = ? AND d.registerDate BETWEEN ? AND ?",
                arguments: [kind.rawValue, number, suffix, LocalDate.firstDay(of: year).iso, LocalDate.lastDay(of: year).iso]
            ).filter { typeCode == nil || $0.typeCode.uppercased() == typeCode?.uppercased() }
            guard let first = candidates.first else { throw RegistryError.documentNotFound(text) }
            guard candidates.count == 1 else { throw RegistryError.ambiguousReference(text, candidates: candidates.map(\.reference)) }
            return first
        }
    }

    /// The documents of one direction, in register order, for a year or all years.
    ///
    /// Secret registers are listed only when `secret` is true, and then alone: they never mix
    /// with ordinary ones.
    public func documents(direction: Direction, year: Int? = nil, secret: Bool = false) throws -> [Document] {
        let kinds = RegisterKind.allCases.filter { $0.direction == direction && $0.isSecret == secret }
        var arguments: [any DatabaseValueConvertible] = kinds.map(\.rawValue)
        var condition = "d.kind IN (\(placeholders(kinds)))"
        if let year {
            condition += " AND d.registerDate BETWEEN ? AND ?"
            arguments += [LocalDate.firstDay(of: year).iso, LocalDate.lastDay(of: year).iso]
        }
        return try read { db in
            try Document.fetchAll(
                db, where: condition, arguments: StatementArguments(arguments),
                suffix: "ORDER BY d.kind, d.registerId, d.seriesKey, d.number, d.numberSuffix")
        }
    }

    /// The journal, newest last: only the lines about one document when a reference is given,
    /// only those made from `from` to `to` (the entry's local date), only the last `limit`.
    public func journal(reference: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil, limit: Int? = nil) throws -> [JournalEntry] {
        if let from, let to, to < from { throw RegistryError.dateOrder(earlier: .periodStart, later: .periodEnd) }
        return try read { db in
            var conditions = ["1"]
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let reference {
                let document = try document(try DocumentReference(parsing: reference), text: reference, db)
                conditions.append("entity = 'document' AND entityId = ?")
                arguments.append(document.id)
            }
            if let from {
                conditions.append("substr(at, 1, 10) >= ?")
                arguments.append(from.iso)
            }
            if let to {
                conditions.append("substr(at, 1, 10) <= ?")
                arguments.append(to.iso)
            }
            let limitClause = limit.map { "LIMIT \(max(0, $0))" } ?? ""
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM (SELECT * FROM journal WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC \(limitClause)) ORDER BY id",
                arguments: StatementArguments(arguments))
            return rows.map(JournalEntry.init(row:))
        }
    }

    /// Every series with its counts and next number.
    public func seriesSummaries() throws -> [SeriesSummary] {
        try read { db in
            let registers = try Row.fetchAll(db, sql: "SELECT * FROM register ORDER BY startDate, kind").map(Register.init(row:))
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
                    let (next, _) = try allocateNumber(register: register, seriesKey: key, subNumberOf: nil, db)
                    return SeriesSummary(register: register, seriesKey: key, count: row["count"], voided: row["voided"], first: row["first"], last: row["last"], nextNumber: next)
                }
            }
        }
    }
}
