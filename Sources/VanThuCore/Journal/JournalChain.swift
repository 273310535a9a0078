import Foundation
import GRDB
import GRDBSQLite

/// The journal's hash chain and the documents' seals.
///
/// Each entry's `hash` is the SHA-256 of the previous entry's hash, the entry's own fields and
/// the seals it wrote. A seal is the SHA-256 of a document row as the change left it, kept in
/// `journalSeal` beside the entry that recorded the change. Editing, deleting or reordering an
/// entry breaks the chain from that entry on; editing a document behind vanthu's back makes its
/// row differ from its last seal.
enum JournalChain {
    /// The journal's fields in hashing order; `hash` is read last.
    static let entryColumnList = "id, at, user, action, entity, entityId, reference, before, after, hash"

    /// The fields of an entry in hashing order (`hash` excluded).
    static let hashedFieldCount = 9

    /// The hash of one entry, fed in order: its predecessor's hash, its fields (as read with
    /// ``entryColumnList``), then its seals ordered by document id.
    struct EntryHasher {
        private var hash = SHA256()
        private var seals: Int64 = 0
        private var tableSeals: [(String, [UInt8])] = []

        init(previous: String, fields: [DatabaseValue]) {
            JournalChain.append("vanthu-journal-1".databaseValue, to: &hash)
            JournalChain.append(previous.databaseValue, to: &hash)
            for field in fields.prefix(JournalChain.hashedFieldCount) { JournalChain.append(field, to: &hash) }
        }

        /// The entry whose fields are the first ``hashedFieldCount`` columns of the row
        /// `statement` stands on, hashed from SQLite's bytes.
        init(previous: String, statement: SQLiteStatement) {
            JournalChain.append("vanthu-journal-1".databaseValue, to: &hash)
            JournalChain.append(previous.databaseValue, to: &hash)
            JournalChain.append(columns: 0..<CInt(JournalChain.hashedFieldCount), of: statement, to: &hash)
        }

        mutating func add(documentId: Int64, seal: [UInt8]) {
            seal.withUnsafeBytes { add(documentId: documentId, seal: $0) }
        }

        mutating func add(documentId: Int64, seal: UnsafeRawBufferPointer) {
            seals += 1
            JournalChain.append(documentId.databaseValue, to: &hash)
            hash.update(seal)
        }

        /// A table's seal; table seals are hashed after the documents' (see ``finalize()``).
        mutating func add(table: String, seal: [UInt8]) {
            tableSeals.append((table, seal))
        }

        /// An entry without table seals hashes as entries did before they existed.
        mutating func finalize() -> String {
            JournalChain.append(seals.databaseValue, to: &hash)
            if !tableSeals.isEmpty {
                // In name order, as `journalTableSeal`'s key reads them back (the names are ASCII).
                for (table, seal) in tableSeals.sorted(by: { $0.0 < $1.0 }) {
                    JournalChain.append(table.databaseValue, to: &hash)
                    hash.update(seal)
                }
                JournalChain.append(Int64(tableSeals.count).databaseValue, to: &hash)
            }
            return hash.finalizeHex()
        }
    }

    /// The last entry's id and hash: where the next entry links. Two read transactions that see
    /// the same head saw the same state, as every write vanthu makes adds an entry.
    static func head(_ db: Database) throws -> (id: Int64, hash: String) {
        let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")
        return (row?["id"] ?? 0, row?["hash"] ?? "")
    }

    /// Appends one entry, its hash linked to `previous`, and its seals (documents by id, then
    /// tables by name); returns its hash.
    static func insert(
        _ db: Database, id: Int64, previous: String, fields: [DatabaseValue], seals: [(documentId: Int64, seal: [UInt8])],
        tableSeals: [(table: String, seal: [UInt8])] = []
    ) throws -> String {
        var hasher = EntryHasher(previous: previous, fields: fields)
        for seal in seals { hasher.add(documentId: seal.documentId, seal: seal.seal) }
        for seal in tableSeals { hasher.add(table: seal.table, seal: seal.seal) }
        let hash = hasher.finalize()
        try insertEntry(db, fields: fields, hash: hash)
        for seal in seals { try insertSeal(db, journalId: id, documentId: seal.documentId, seal: seal.seal) }
        for seal in tableSeals { try RecordSeals.insertTableSeal(db, journalId: id, table: seal.table, seal: seal.seal) }
        return hash
    }

    static func insertEntry(_ db: Database, fields: [DatabaseValue], hash: String) throws {
        try db.cachedStatement(sql: "INSERT INTO journal (\(entryColumnList)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: StatementArguments(fields.prefix(hashedFieldCount) + [hash.databaseValue]))
    }

    static func insertSeal(_ db: Database, journalId: Int64, documentId: Int64, seal: [UInt8]) throws {
        try db.cachedStatement(sql: "INSERT INTO journalSeal (journalId, documentId, seal) VALUES (?, ?, ?)")
            .execute(arguments: [journalId, documentId, Data(seal)])
    }

    /// One value, tagged with its SQLite type and length, so that no two rows hash alike.
    /// Written without allocating: a seal is computed for every document a write touches.
    static func append(_ value: DatabaseValue, to hash: inout SHA256) {
        switch value.storage {
        case .null:
            hash.update(tag: 0)
        case .int64(let n):
            hash.update(tag: 1, bigEndian: UInt64(bitPattern: n))
        case .double(let x):
            hash.update(tag: 2, bigEndian: x.bitPattern)
        case .string(var s):
            s.withUTF8 { utf8 in
                hash.update(tag: 3, bigEndian: UInt64(utf8.count))
                hash.update(UnsafeRawBufferPointer(utf8))
            }
        case .blob(let data):
            hash.update(tag: 4, bigEndian: UInt64(data.count))
            data.withUnsafeBytes { hash.update($0) }
        }
    }

    /// Every column of a row, in order. Through `databaseValues`, not `row[index] as
    /// DatabaseValue`: the generic subscript looked up type metadata for each cell (12 % of
    /// `journal verify`'s samples).
    static func append(columnsOf row: Row, to hash: inout SHA256) {
        for value in row.databaseValues { append(value, to: &hash) }
    }

    /// Every column of the row `statement` stands on, hashed as their values would be, without
    /// making the values: `databaseValues` also names each column (15 % of `journal verify`).
    static func append(columnsOf statement: Statement, to hash: inout SHA256) {
        append(columns: 0..<CInt(statement.columnCount), of: statement.sqliteStatement, to: &hash)
    }

    /// Columns of the row `statement` stands on, hashed as ``append(_:to:)`` hashes the value GRDB
    /// would read from each, from the bytes SQLite holds. GRDB's text is `String(cString:)`: the
    /// bytes up to the first NUL, repaired when they are not UTF-8. Valid UTF-8 is hashed in place
    /// (making each String was 9 % of `journal verify`'s samples, validating costs half of it);
    /// anything else goes through GRDB's value, so every file's seals read as they were written.
    static func append(columns: Range<CInt>, of statement: SQLiteStatement, to hash: inout SHA256) {
        for index in columns {
            switch sqlite3_column_type(statement, index) {
            case SQLITE_NULL:
                hash.update(tag: 0)
            case SQLITE_INTEGER:
                hash.update(tag: 1, bigEndian: UInt64(bitPattern: sqlite3_column_int64(statement, index)))
            case SQLITE_TEXT:
                guard let text = sqlite3_column_text(statement, index) else { fallthrough }
                var count = Int(sqlite3_column_bytes(statement, index))
                if let nul = memchr(text, 0, count) { count = UnsafeRawPointer(nul) - UnsafeRawPointer(text) }
                let bytes = UnsafeBufferPointer(start: text, count: count)
                guard (try? UTF8Span(validating: bytes.span)) != nil else { fallthrough }
                hash.update(tag: 3, bigEndian: UInt64(count))
                hash.update(UnsafeRawBufferPointer(bytes))
            default:
                append(DatabaseValue(sqliteStatement: statement, index: index), to: &hash)
            }
        }
    }

    /// The bytes of a blob column of the row `statement` stands on (a text's UTF-8, as GRDB's
    /// `Data` reads it), valid until the statement moves; empty for NULL.
    static func bytes(ofColumn index: CInt, _ statement: SQLiteStatement) -> UnsafeRawBufferPointer {
        guard let start = sqlite3_column_blob(statement, index) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, index)))
    }
}

/// The journal's last entry, as one transaction saw it (``JournalChain/head(_:)``).
struct JournalHead: Sendable, Equatable {
    var id: Int64
    var hash: String

    init(id: Int64, hash: String) {
        self.id = id
        self.hash = hash
    }

    /// The last entry as the transaction `db` is in sees it.
    static func of(_ db: Database) throws -> JournalHead {
        let head = try JournalChain.head(db)
        return JournalHead(id: head.id, hash: head.hash)
    }
}
