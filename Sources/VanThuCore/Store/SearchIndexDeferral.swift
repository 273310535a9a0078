import GRDB

/// Documents appended in bulk indexed for search in one statement at the end of their
/// transaction (see ``RegistryMigrator/searchIndexAtEndSQL`` for why and by how much).
enum SearchIndexDeferral {
    /// Runs `body`, which may append documents, with the search triggers holding off for every
    /// document it appends, then indexes them all at once. Inside a write transaction only: the
    /// deferral row it writes is gone before the commit, and a rollback takes both away.
    static func indexingAtEnd<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        guard try db.tableExists("searchIndexDeferral") else { return try body() }
        // Ids only grow (AUTOINCREMENT): every document appended from here on is at or past it.
        let from = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM document") ?? 1
        try db.execute(sql: "INSERT INTO searchIndexDeferral (fromId) VALUES (?)", arguments: [from])
        let result = try body()
        let columns = RegistryMigrator.searchColumnList
        try db.execute(
            sql: "INSERT INTO documentSearch (rowid, \(columns)) SELECT id, \(columns) FROM documentSearchSource WHERE id >= ?", arguments: [from])
        try db.execute(sql: "DELETE FROM searchIndexDeferral WHERE fromId = ?", arguments: [from])
        return result
    }
}
