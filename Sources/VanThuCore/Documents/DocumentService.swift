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

extension DocumentService {
    /// The document a reference names (`42`, `den/2021/783`, `di/2021/BC/86`).
    public func document(reference text: String) throws -> Document {
        let reference = try DocumentReference(parsing: text)
        return try read { db in try document(reference, text: text, db) }
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
        if let (visible, values) = SearchService.visibility(for: context.account) {
            condition += " AND \(visible)"
            arguments += values
        }
        return try read { db in
            try Document.fetchAll(
                db, where: condition, arguments: StatementArguments(arguments),
                suffix: "ORDER BY d.kind, d.registerId, d.seriesKey, d.number, d.numberSuffix")
        }
    }

    /// How many documents the file holds, voided ones included.
    public func documentCount() throws -> Int {
        try read { db in try DocumentTable.fetchCount(db) }
    }
}
