import GRDB

/// A journal entry as a GRDB record, for listing (the chain and seals are read and written by
/// `JournalChain` and `JournalSealer`, whose hot loops stay on raw statements).
struct JournalEntryRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "journal"

    enum Columns {
        static let id = Column("id")
        static let at = Column("at")
        static let entity = Column("entity")
        static let entityId = Column("entityId")
    }

    let entry: JournalEntry

    init(row: Row) { entry = JournalEntry(row: row) }
}

extension DerivableRequest<JournalEntryRecord> {
    /// The entries about one document.
    func about(document id: Int64) -> Self {
        filter(JournalEntryRecord.Columns.entity == "document" && JournalEntryRecord.Columns.entityId == id)
    }

    /// Entries made from `from` to `to`, by the local date of `at` (ISO 8601, date first).
    func made(from: LocalDate?, to: LocalDate?) -> Self {
        let day = JournalEntryRecord.Columns.at.substr(1, 10)
        var request = self
        if let from { request = request.filter(day >= from.iso) }
        if let to { request = request.filter(day <= to.iso) }
        return request
    }
}

extension SQLSpecificExpressible {
    /// SQLite's `substr(x, start, length)`.
    fileprivate func substr(_ start: Int, _ length: Int) -> SQLExpression {
        SQL("substr(\(self), \(start), \(length))").sqlExpression
    }
}
