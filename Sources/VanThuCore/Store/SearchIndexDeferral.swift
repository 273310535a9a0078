import GRDB

/// Documents appended in bulk indexed for search in one statement at the end of their
/// transaction (see ``RegistryMigrator/searchIndexAtEndSQL`` for why and by how much).
enum SearchIndexDeferral {
    /// Runs `body`, which may append documents with their Nơi nhận and text, with the search
    /// index left alone for every document it appends, then indexes them all at once. Inside a
    /// write transaction only: what it changes in the schema and the deferral row it writes are
    /// back as they were before the commit, and a rollback takes everything back.
    ///
    /// The triggers that index an inserted row are set aside (dropped, and made again from their
    /// own stored SQL at the end), not only told to wait by the deferral row: a statement whose
    /// trigger could write to the FTS5 table makes that table join the transaction, and from then
    /// on every statement with a statement journal (each INSERT with constraints) calls FTS5's
    /// savepoint, which writes its totals back each time. Measured with Python's sqlite3 on a copy
    /// of a bench register, 20,000 documents inserted through one prepared statement: 110 µs a
    /// document with the waiting trigger, 50 µs without it.
    static func indexingAtEnd<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        guard try db.tableExists("searchIndexDeferral") else { return try body() }
        // Ids only grow (AUTOINCREMENT): every document appended from here on is at or past it.
        let from = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM document") ?? 1
        try db.execute(sql: "INSERT INTO searchIndexDeferral (fromId) VALUES (?)", arguments: [from])
        let setAside = try Row.fetchAll(
            db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (\(names)) ORDER BY rowid"
        ).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        for trigger in setAside { try db.execute(sql: "DROP TRIGGER \(trigger.name)") }
        // Those triggers would also have indexed a Nơi nhận or a text added to a document older
        // than the batch; no bulk write adds one, and these refuse it if one ever did.
        for table in guardedChildren {
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER bulk_\(table)_of_older_document BEFORE INSERT ON main.\(table) WHEN NEW.documentId < \(from)
                    BEGIN SELECT RAISE(ABORT, 'vanthu: a bulk write adds only to the documents it appends'); END
                    """)
        }
        let result = try body()
        for table in guardedChildren { try db.execute(sql: "DROP TRIGGER temp.bulk_\(table)_of_older_document") }
        let columns = RegistryMigrator.searchColumnList
        try db.execute(
            sql: "INSERT INTO documentSearch (rowid, \(columns)) SELECT id, \(columns) FROM documentSearchSource WHERE id >= ?", arguments: [from])
        for trigger in setAside { try db.execute(sql: trigger.sql) }
        try db.execute(sql: "DELETE FROM searchIndexDeferral WHERE fromId = ?", arguments: [from])
        return result
    }

    /// The child tables whose insert triggers are set aside.
    private static let guardedChildren = ["recipient", "documentText"]

    private static let names = RegistryMigrator.searchInsertTriggerNames.map { "'\($0)'" }.joined(separator: ", ")
}
