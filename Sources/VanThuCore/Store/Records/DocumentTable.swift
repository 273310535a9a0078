import GRDB

/// The `document` table for the changes made to a registered document (routing, progress,
/// voiding, corrections, filing): the columns by name, each built from ``Document/Column`` (the
/// list ``Document/init(row:)`` reads), so a renamed column fails to compile here rather than
/// at run time in an UPDATE string.
enum DocumentTable: TableRecord {
    static let databaseTableName = "document"

    enum Columns {
        static let registerId = Column(.registerId)
        static let seriesKey = Column(.seriesKey)
        static let subject = Column(.subject)
        static let handler = Column(.handler)
        static let coHandlers = Column(.coHandlers)
        static let transferDate = Column(.transferDate)
        static let dueDate = Column(.dueDate)
        static let fileNotation = Column(.fileNotation)
        static let pageAmount = Column(.pageAmount)
        static let note = Column(.note)
        static let status = Column(.status)
        static let progress = Column(.progress)
        static let doneDate = Column(.doneDate)
        static let reply = Column(.reply)
        /// Not read back into ``Document`` (the reply's text is): only written.
        static let replyId = GRDB.Column("replyId")
        static let voidedAt = Column(.voidedAt)
        static let voidedBy = Column(.voidedBy)
        static let voidReason = Column(.voidReason)

        private static func Column(_ column: Document.Column) -> GRDB.Column { GRDB.Column("\(column)") }
    }

    /// Sets columns of one document. The triggers that guard archived documents still run.
    static func update(_ id: Int64, _ db: Database, _ assignments: [ColumnAssignment]) throws {
        guard !assignments.isEmpty else { return }
        try filter(key: id).updateAll(db, assignments)
    }

    static func update(_ id: Int64, _ db: Database, _ assignments: ColumnAssignment...) throws {
        try update(id, db, assignments)
    }

    /// The documents of one register (of one of its series when `seriesKey` is given).
    static func `in`(register registerId: Int64, seriesKey: String? = nil) -> QueryInterfaceRequest<DocumentTable> {
        let inRegister = filter(Columns.registerId == registerId)
        guard let seriesKey else { return inRegister }
        return inRegister.filter(Columns.seriesKey == seriesKey)
    }
}
