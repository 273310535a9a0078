import Foundation
import GRDB
import GRDBSQLite

/// What the journal's seals cover, so that no row the journal speaks for can be changed with
/// the sqlite3 shell unnoticed.
///
/// - A **document seal** covers the `document` row and every row that belongs to it: its Nơi
///   nhận, citations, full text, routing steps, dispatch records, attachments and hồ sơ
///   membership, and (from v11) its edXML exchange record. Changing any of them re-seals the
///   document.
/// - A **table seal** covers a whole small table: the organisation, document types, registers
///   and their numbering rules, the calendar, the Danh mục headings, the hồ sơ and the
///   transfers to the archive. It is written when the table changed.
///
/// Seals are only as strong as the anchors kept outside the file: someone who can rewrite the
/// file can recompute every seal and hash (see `vanthu journal verify --expect`).
enum RecordSeals {
    /// The tables whose rows belong to a document, with the order their rows are hashed in.
    static let children: [(table: String, order: String)] = [
        ("recipient", "id"), ("citation", "id"), ("documentText", "documentId"), ("handlingStep", "id"),
        ("dispatch", "id"), ("attachment", "id"), ("dossierDocument", "dossierId"),
    ]
    /// Child tables with a rowid, whose changes the transaction observer sees; `documentText`'s
    /// rowid is its document's id. `dossierDocument` has none: filing is journaled per document.
    static let observedChildren: Set<String> = ["recipient", "citation", "documentText", "handlingStep", "dispatch", "attachment", "exchange"]

    /// Where the edXML exchange records are sealed. Till v10 the `exchange` table was sealed
    /// whole, so every envelope received re-hashed every exchange row before it: 13 % of the
    /// samples of receiving 1,000 envelopes, growing with the register. From v11 each row is
    /// sealed with its document (rowid = its document's id), hashed after the other children and
    /// only when there is one, so a document without an exchange keeps the seal it had.
    enum Layout {
        case exchangeTable, exchangeInDocument

        static let migration = "v11-exchange-in-document-seals"

        /// The layout of this file's seals: an older file read without upgrading keeps its own.
        static func of(_ db: Database) throws -> Layout {
            guard try db.tableExists("exchange") else { return .exchangeTable }
            let upgraded = try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM grdb_migrations WHERE identifier = ?"), arguments: [migration])
            return upgraded == true ? .exchangeInDocument : .exchangeTable
        }
    }

    /// The small tables sealed whole, with the order their rows are hashed in.
    static let tables: [(table: String, order: String)] = [
        ("organization", "id"), ("documentType", "style, code"), ("register", "id"), ("seriesRule", "kind"),
        ("seriesStart", "registerId, seriesKey"), ("calendarDay", "date"), ("catalogHeading", "id"),
        ("dossier", "id"), ("archiveTransfer", "id"), ("trustedCertificate", "sha256"),
        ("exchange", "documentId"), ("agency", "organId"), ("account", "id"),
        ("registerClosing", "registerId"), ("registerAnnotation", "id"),
    ]

    /// ``tables`` that this file has and seals whole: an older file read without upgrading lacks
    /// the later ones.
    static func tables(in db: Database, layout: Layout? = nil) throws -> [(table: String, order: String)] {
        let layout = try layout ?? Layout.of(db)
        return try tables.filter { try db.tableExists($0.table) && !(layout == .exchangeInDocument && $0.table == "exchange") }
    }
    /// Small tables the observer cannot see (no rowid): their seal is recomputed at every
    /// write, which costs well under a millisecond (tens of rows).
    static let unobservedTables: Set<String> = ["documentType", "seriesRule", "seriesStart", "calendarDay"]

    // MARK: Documents

    /// The seal of a document's row alone, as files sealed it before v7 (`vanthu-document-1`):
    /// what an older file's seals are checked against until it is opened for writing.
    static func rowSeal(of row: Row) -> [UInt8] {
        var hash = SHA256()
        JournalChain.append("vanthu-document-1".databaseValue, to: &hash)
        JournalChain.append(columnsOf: row, to: &hash)
        return hash.finalize()
    }

    /// Each document's seal as the file's version made it: with its child rows once the tables
    /// are sealed too (v7), else its row alone (an older file read without upgrading it).
    static func forEachCurrentSeal(_ db: Database, in range: ClosedRange<Int64>, _ body: (Int64, [UInt8]) throws -> Void) throws {
        guard try !db.tableExists("journalTableSeal") else { return try forEachDocument(db, in: range, body) }
        let rows = try Row.fetchCursor(
            db, sql: "SELECT * FROM document WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [range.lowerBound, range.upperBound])
        while let row = try rows.next() { try body(row["id"], rowSeal(of: row)) }
    }

    /// The seal of each document with an id in `range` (all when nil), in id order, computed
    /// from one cursor per table.
    static func forEachDocument(
        _ db: Database, in range: ClosedRange<Int64>? = nil, layout: Layout? = nil, _ body: (Int64, [UInt8]) throws -> Void
    ) throws {
        let layout = try layout ?? Layout.of(db)
        let condition = range == nil ? "" : " WHERE documentId BETWEEN ? AND ?"
        let arguments: StatementArguments = range.map { [$0.lowerBound, $0.upperBound] } ?? []
        // Cached: preparing these nine statements (GRDB's authorizer reading every column of
        // each) was 15 % of registering an edXML envelope. A cached `SELECT *` keeps the columns
        // it was prepared with, so the schema's version is in its text: a column added behind
        // vanthu's back makes new statements, and changes every seal (JournalChainTests).
        let schema = try schemaMark(db)
        // Each statement reads its key first, then the row (`*`): the key by its index, the row's
        // columns hashed from SQLite's bytes (rows copied and columns looked up by name were a
        // quarter of `journal verify`'s samples).
        let documentStatement = try db.cachedStatement(
            sql: "SELECT id, * FROM document" + (range == nil ? "" : " WHERE id BETWEEN ? AND ?") + " ORDER BY id\(schema)")
        let documents = try Row.fetchCursor(documentStatement, arguments: arguments)
        // From v11 the exchange record too, hashed only when the document has one.
        let sealed =
            children.map { (table: $0.table, order: $0.order, always: true) }
            + (layout == .exchangeInDocument ? [(table: "exchange", order: "documentId", always: false)] : [])
        let statements = try sealed.map { child in
            try db.cachedStatement(sql: "SELECT documentId, * FROM \(child.table)\(condition) ORDER BY documentId, \(child.order)\(schema)")
        }
        let cursors = try statements.map { try Row.fetchCursor($0, arguments: arguments) }
        // The document each child cursor stands on; nil once it is exhausted.
        func key(_ k: Int) throws -> Int64? {
            try cursors[k].next() == nil ? nil : sqlite3_column_int64(statements[k].sqliteStatement, 0)
        }
        var heads: [Int64?] = try cursors.indices.map(key)
        while try documents.next() != nil {
            let id = sqlite3_column_int64(documentStatement.sqliteStatement, 0)
            var hash = SHA256()
            JournalChain.append("vanthu-document-2".databaseValue, to: &hash)
            JournalChain.append(columns: 1..<CInt(documentStatement.columnCount), of: documentStatement.sqliteStatement, to: &hash)
            for (k, child) in sealed.enumerated() {
                // Rows of documents outside the set (a child row whose document is gone) are passed over.
                while let head = heads[k], head < id { heads[k] = try key(k) }
                guard child.always || heads[k] == id else { continue }
                JournalChain.append(child.table.databaseValue, to: &hash)
                let columns = 1..<CInt(statements[k].columnCount)
                var count: Int64 = 0
                while heads[k] == id {
                    JournalChain.append(columns: columns, of: statements[k].sqliteStatement, to: &hash)
                    count += 1
                    heads[k] = try key(k)
                }
                JournalChain.append(count.databaseValue, to: &hash)
            }
            try body(id, hash.finalize())
        }
    }

    /// The seals of the documents in `ids`: one range scan when they are mostly consecutive (a
    /// batch, an import), else one small scan each.
    static func seals(_ db: Database, ids: [Int64], layout: Layout? = nil) throws -> [(Int64, [UInt8])] {
        guard let first = ids.first, let last = ids.last else { return [] }
        var result: [(Int64, [UInt8])] = []
        result.reserveCapacity(ids.count)
        if last - first < Int64(ids.count) * 4 {
            let wanted = Set(ids)
            try forEachDocument(db, in: first...last, layout: layout) { id, seal in if wanted.contains(id) { result.append((id, seal)) } }
        } else {
            for id in ids { try forEachDocument(db, in: id...id, layout: layout) { result.append(($0, $1)) } }
        }
        return result
    }

    /// A comment naming the schema's version (`PRAGMA schema_version`, which every change of the
    /// schema, by any connection, increments), for the text of a cached `SELECT *`.
    static func schemaMark(_ db: Database) throws -> String {
        " /* schema \(try Int.fetchOne(db.cachedStatement(sql: "PRAGMA schema_version")) ?? 0) */"
    }

    /// The document a changed child row belongs to.
    static func documentId(ofChild table: String, rowID: Int64, _ db: Database) throws -> Int64? {
        if table == "documentText" || table == "exchange" { return rowID }
        return try Int64.fetchOne(db.cachedStatement(sql: "SELECT documentId FROM \(table) WHERE rowid = ?"), arguments: [rowID])
    }

    // MARK: Tables

    /// The seal of a whole small table, as it is now.
    static func seal(ofTable table: String, order: String, _ db: Database) throws -> [UInt8] {
        var hash = SHA256()
        JournalChain.append("vanthu-table-1".databaseValue, to: &hash)
        JournalChain.append(table.databaseValue, to: &hash)
        // Cached, with the schema's version in its text, as in forEachDocument.
        let statement = try db.cachedStatement(sql: "SELECT * FROM \(table) ORDER BY \(order)\(try schemaMark(db))")
        let rows = try Row.fetchCursor(statement)
        var count: Int64 = 0
        while try rows.next() != nil {
            JournalChain.append(columnsOf: statement, to: &hash)
            count += 1
        }
        JournalChain.append(count.databaseValue, to: &hash)
        return hash.finalize()
    }

    /// The last seal the journal holds for a table; nil when it never sealed it.
    static func lastSeal(ofTable table: String, _ db: Database) throws -> (journalId: Int64, seal: [UInt8])? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT journalId, seal FROM journalTableSeal WHERE tableName = ? ORDER BY journalId DESC LIMIT 1"),
            arguments: [table]
        ).map { ($0["journalId"], [UInt8]($0["seal"] as Data? ?? Data())) }
    }

    static func insertTableSeal(_ db: Database, journalId: Int64, table: String, seal: [UInt8]) throws {
        try db.cachedStatement(sql: "INSERT INTO journalTableSeal (journalId, tableName, seal) VALUES (?, ?, ?)")
            .execute(arguments: [journalId, table, Data(seal)])
    }
}
