import Foundation
import GRDB

extension RegistryMigrator {
    /// The journal's hash and the documents' seals (see ``JournalChain``).
    private static let journalChainSQL = """
        ALTER TABLE journal ADD COLUMN hash TEXT;
        CREATE TABLE journalSeal (
            journalId INTEGER NOT NULL REFERENCES journal(id),
            documentId INTEGER NOT NULL,
            seal BLOB NOT NULL CHECK (length(seal) = 32),
            PRIMARY KEY (journalId, documentId)
        ) WITHOUT ROWID;
        CREATE INDEX journalSeal_on_document ON journalSeal(documentId, journalId);
        CREATE TRIGGER journalSeal_is_append_only_update BEFORE UPDATE ON journalSeal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        CREATE TRIGGER journalSeal_is_append_only_delete BEFORE DELETE ON journalSeal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        """

    /// Hashes the entries written before the chain existed, in order, then seals every document
    /// under one new `start-journal-chain` entry: from here on the chain covers the whole file.
    static func startJournalChain(_ db: Database, user: String) throws {
        try db.execute(sql: journalChainSQL)
        try db.execute(sql: "DROP TRIGGER journal_is_append_only_update")
        var previous = ""
        var lastId: Int64 = 0
        let update = try db.makeStatement(sql: "UPDATE journal SET hash = ? WHERE id = ?")
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(JournalChain.entryColumnList) FROM journal WHERE id > ? ORDER BY id LIMIT 10000", arguments: [lastId])
            guard let last = rows.last else { break }
            for row in rows {
                var hasher = JournalChain.EntryHasher(previous: previous, fields: (0..<JournalChain.hashedFieldCount).map { row[$0] })
                previous = hasher.finalize()
                try update.execute(arguments: [previous, row["id"]])
            }
            lastId = last["id"]
        }
        try db.execute(
            sql: """
                CREATE TRIGGER journal_is_append_only_update BEFORE UPDATE ON journal
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                """)
        try sealDocumentRows(db, user: user)
    }

    /// The seals of whole small tables (``RecordSeals``), beside the documents' seals.
    private static let tableSealSQL = """
        CREATE TABLE journalTableSeal (
            journalId INTEGER NOT NULL REFERENCES journal(id),
            tableName TEXT NOT NULL,
            seal BLOB NOT NULL CHECK (length(seal) = 32),
            PRIMARY KEY (tableName, journalId)
        ) WITHOUT ROWID;
        CREATE TRIGGER journalTableSeal_is_append_only_update BEFORE UPDATE ON journalTableSeal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        CREATE TRIGGER journalTableSeal_is_append_only_delete BEFORE DELETE ON journalTableSeal
        BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
        """

    /// v6 as it shipped: every document's row sealed alone (``RecordSeals/rowSeal(of:)``) under
    /// one `start-journal-chain` entry. Frozen: an old file upgrades into what v6 wrote then.
    private static func sealDocumentRows(_ db: Database, user: String) throws {
        let documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0
        guard documents > 0 else { return }
        let (last, previous) = try JournalChain.head(db)
        let id = last + 1
        let fields = entryFields(id: id, user: user, action: "start-journal-chain", documents: documents, entries: last)
        func forEachRow(_ body: (Int64, [UInt8]) throws -> Void) throws {
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM document ORDER BY id")
            while let row = try rows.next() { try body(row["id"], RecordSeals.rowSeal(of: row)) }
        }
        var hasher = JournalChain.EntryHasher(previous: previous, fields: fields)
        try forEachRow { hasher.add(documentId: $0, seal: $1) }
        try JournalChain.insertEntry(db, fields: fields, hash: hasher.finalize())
        try forEachRow { try JournalChain.insertSeal(db, journalId: id, documentId: $0, seal: $1) }
    }

    /// From here on a document's seal covers its child rows, and the small tables are sealed
    /// whole, under one `extend-seals` entry. A document whose row no longer matches its v6 seal
    /// (edited behind vanthu's back before the upgrade) keeps that seal, so verify goes on naming
    /// it: the upgrade never blesses a change it cannot vouch for.
    static func extendSeals(_ db: Database, user: String) throws {
        try db.execute(sql: tableSealSQL)
        var intact = Set<Int64>()
        let latest = try Row.fetchCursor(
            db, sql: "SELECT documentId, max(journalId) AS journalId, seal FROM journalSeal GROUP BY documentId ORDER BY documentId")
        var seal = try latest.next()
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM document ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            while let s = seal, (s["documentId"] as Int64) < id { seal = try latest.next() }
            if let s = seal, (s["documentId"] as Int64) == id, [UInt8](s["seal"] as Data? ?? Data()) == RecordSeals.rowSeal(of: row) {
                intact.insert(id)
            }
        }
        try sealEverything(db, user: user, action: "extend-seals", only: intact)
    }

    private static func entryFields(id: Int64, user: String, action: String, documents: Int, entries: Int64) -> [DatabaseValue] {
        [
            id.databaseValue, RegistryStore.iso8601(Date()).databaseValue, user.databaseValue, action.databaseValue,
            "journal".databaseValue, DatabaseValue.null, DatabaseValue.null, DatabaseValue.null,
            "{\"documents\":\(documents),\"entries\":\(entries)}".databaseValue,
        ]
    }

    /// Seals every document and every small table under one new entry. The first chain needs
    /// it, and so does any later migration that adds a column to a sealed table, since a seal
    /// covers every column.
    static func sealEverything(
        _ db: Database, user: String, action: String, only wanted: Set<Int64>? = nil, layout: RecordSeals.Layout? = nil
    ) throws {
        let layout = try layout ?? RecordSeals.Layout.of(db)
        let documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0
        let tablesSealed = try db.tableExists("journalTableSeal")
        let (last, previous) = try JournalChain.head(db)
        // A new file has nothing to seal yet: its first write seals the tables.
        guard documents > 0 || (tablesSealed && last > 0) else { return }
        let id = last + 1
        let fields = entryFields(id: id, user: user, action: action, documents: wanted?.count ?? documents, entries: last)
        let tables =
            tablesSealed
            ? try RecordSeals.tables(in: db, layout: layout).map { ($0.table, try RecordSeals.seal(ofTable: $0.table, order: $0.order, db)) } : []
        // Two passes over the documents: the entry's hash needs every seal, and a seal needs its entry.
        var hasher = JournalChain.EntryHasher(previous: previous, fields: fields)
        let anyDocument = !(wanted?.isEmpty ?? false)
        if anyDocument {
            try RecordSeals.forEachDocument(db, layout: layout) { if wanted?.contains($0) ?? true { hasher.add(documentId: $0, seal: $1) } }
        }
        for (table, seal) in tables { hasher.add(table: table, seal: seal) }
        try JournalChain.insertEntry(db, fields: fields, hash: hasher.finalize())
        if anyDocument {
            try RecordSeals.forEachDocument(db, layout: layout) {
                if wanted?.contains($0) ?? true { try JournalChain.insertSeal(db, journalId: id, documentId: $0, seal: $1) }
            }
        }
        for (table, seal) in tables { try RecordSeals.insertTableSeal(db, journalId: id, table: table, seal: seal) }
    }
}
