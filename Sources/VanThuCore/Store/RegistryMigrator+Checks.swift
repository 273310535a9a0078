import GRDB

extension RegistryMigrator {
    /// v13: the constraints and partial indexes that compared a column with a list of three or
    /// more constants (`kind IN ('incoming', 'outgoing', …)`) compare it with each constant
    /// (`kind = 'incoming' OR kind = 'outgoing' OR …`), which means the same, NULL included.
    ///
    /// Why: SQLite evaluates such an `IN` list by building a temporary b-tree of the constants,
    /// anew at every execution of the statement; a document's INSERT built seven (four CHECKs,
    /// three partial indexes) and a routing step's one. Measured with Python's sqlite3 on a copy
    /// of a bench register (20,000 documents inserted through one prepared statement, search
    /// triggers dropped to see the rest): 54 µs a document, 31 µs with the CHECKs rewritten,
    /// 16 µs with the indexes' conditions too.
    ///
    /// The indexes are made again (their rows do not change, only how the condition reads);
    /// queries meant to use them say the same condition word for word
    /// (``HandlingService/openCondition``, ``DocumentService/outgoingCondition``). The CHECKs are rewritten in the
    /// tables' stored SQL as SQLite's documentation allows for a change that leaves every row as
    /// it is ("Making Other Kinds Of Table Schema Changes"): `writable_schema`, the new text, the
    /// schema's version one higher, in the migration's transaction.
    static func compareWithEachConstant(_ db: Database) throws {
        try db.execute(sql: openIndexesV13SQL)
        let tables = try Row.fetchAll(
            db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%CHECK%' ORDER BY name")
        let changed = tables.compactMap { row -> (name: String, sql: String)? in
            let sql: String = row["sql"]
            let rewritten = checksComparingEachConstant(sql)
            return rewritten == sql ? nil : (row["name"], rewritten)
        }
        guard !changed.isEmpty else { return }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        do {
            for table in changed {
                try db.execute(
                    sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", arguments: [table.sql, table.name])
            }
            try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        } catch {
            try? db.execute(sql: "PRAGMA writable_schema = OFF")
            throw error
        }
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        db.clearSchemaCache()
    }

    /// `CHECK (c IN ('a', 'b', 'c'))` → `CHECK (c = 'a' OR c = 'b' OR c = 'c')`, for every CHECK
    /// of that shape with three or more quoted constants (two or fewer SQLite compares one by one
    /// already); everything else in `sql` is left as it is.
    static func checksComparingEachConstant(_ sql: String) -> String {
        sql.replacing(#/CHECK \((\w+) IN \(('[^']*'(?:, '[^']*'){2,})\)\)/#) { match in
            let column = match.output.1
            let constants = match.output.2.split(separator: ", ")
            return "CHECK (" + constants.map { "\(column) = \($0)" }.joined(separator: " OR ") + ")"
        }
    }

    /// The partial indexes of v3 and v9 with their conditions as v13 writes them.
    private static let openIndexesV13SQL = """
        DROP INDEX document_open;
        CREATE INDEX document_open ON document(status, dueDate)
            WHERE (status = 'registered' OR status = 'routed' OR status = 'inProgress') AND voidedAt IS NULL;
        DROP INDEX document_open_by_date;
        CREATE INDEX document_open_by_date ON document(kind, registerDate, status, dueDate, urgency, voidedAt)
            WHERE (status = 'registered' OR status = 'routed' OR status = 'inProgress') AND voidedAt IS NULL;
        DROP INDEX document_outgoing_on_codeNotation;
        CREATE INDEX document_outgoing_on_codeNotation ON document(codeNotation)
            WHERE (kind = 'outgoing' OR kind = 'secretOutgoing' OR kind = 'copy');
        """
}
