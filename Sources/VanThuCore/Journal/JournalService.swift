import Foundation
import GRDB
import GRDBSQLite

extension JournalService {
    /// Re-computes the journal's hash chain from the first entry and compares every document with
    /// its last seal. Reads only; streams, so a million entries need little memory.
    /// The journal's last entry: its number and hash, printed on every exported register's
    /// cover and kept in every backup's manifest, so that `journal verify --expect` can later
    /// prove nothing before it was cut or rewritten. Nil for an empty journal.
    public func journalHead() throws -> (id: Int64, hash: String)? {
        try read { db in
            let head = try JournalChain.head(db)
            return head.id == 0 ? nil : head
        }
    }

    /// - Parameter expected: hashes written outside the file (the closing minutes, a printed
    ///   register, a backup's manifest): each must be an entry's, on an unbroken chain.
    public func verifyJournal(expecting given: [String] = []) throws -> JournalVerification {
        try verifyJournal(expecting: given, chunk: DocumentChunks.size).result
    }

    /// - Parameters:
    ///   - chunk: how many document ids each connection takes at a time (small in tests, so that
    ///     a few documents are shared out as a register's are).
    ///   - helpers: how many other connections to open; by default one per other core.
    ///   - joining: whether this connection takes chunks too once the chain is checked (a test
    ///     turns it off to see the others' work kept).
    /// - Returns: also how many chunks the other connections' work was kept for.
    func verifyJournal(
        expecting given: [String], chunk: Int64, helpers: Int? = nil, joining: Bool = true
    ) throws -> (result: JournalVerification, sharedChunks: Int) {
        let expected = given.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        if let bad = expected.first(where: { $0.utf8.count != 64 || !$0.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) } }
        ) {
            throw RegistryError.invalidHash(bad)
        }
        return try read { db in
            var result = JournalVerification()
            // Other connections check the documents while this one checks the chain, then joins
            // them (see ``DocumentChunks``).
            let head = try JournalHead.of(db)
            let chunks = try DocumentChunks(db, size: chunk)
            let helpers = (0..<(helpers ?? DocumentChunks.helpers(for: chunks))).compactMap { _ in
                store.readBeside { db in
                    let head = try JournalHead.of(db)
                    var done: [Int: DocumentFindings] = [:]
                    while let k = chunks.take() { done[k] = try Self.checkDocuments(db, in: chunks.range(k)) }
                    return (head: head, done: done)
                }
            }
            defer { for helper in helpers { _ = helper.wait() } }
            let wanted = Set(expected)
            var found: [String: Int64] = [:]
            try checkChain(db, into: &result) { id, hash, intactSoFar in
                if wanted.contains(hash), intactSoFar { found[hash] = id }
            }
            for hash in expected {
                result.anchors.append(.init(hash: hash, entryId: found[hash]))
            }
            var done: [Int: DocumentFindings] = [:]
            while joining, let k = chunks.take() { done[k] = try Self.checkDocuments(db, in: chunks.range(k)) }
            // A helper's work counts when it read the state this connection reads: the same
            // last entry, as each write vanthu makes adds one. Otherwise (a clerk wrote in
            // between, or it failed) its chunks are checked again here.
            let own = done.count
            for helper in helpers {
                guard let other = helper.wait(), other.head == head else { continue }
                done.merge(other.done) { mine, _ in mine }
            }
            let shared = done.count - own
            var documents = DocumentFindings()
            for k in 0..<chunks.count { documents.add(try done[k] ?? Self.checkDocuments(db, in: chunks.range(k))) }
            result.documents = documents.documents
            result.alteredDocumentCount = documents.alteredCount
            result.alteredDocuments = documents.altered
            try checkTables(db, into: &result)
            return (result, shared)
        }
    }

    private func checkTables(_ db: Database, into result: inout JournalVerification) throws {
        guard try db.tableExists("journalTableSeal") else { return }
        for (table, order) in try RecordSeals.tables(in: db) {
            let last = try RecordSeals.lastSeal(ofTable: table, db)
            if last?.seal != (try RecordSeals.seal(ofTable: table, order: order, db)) {
                result.alteredTables.append(.init(table: table, journalId: last?.journalId))
            }
        }
    }

    /// Recomputes the chain; `visit` sees each entry's id, stored hash, and whether the chain is
    /// unbroken up to and including it.
    private func checkChain(_ db: Database, into result: inout JournalVerification, visit: (Int64, String, Bool) -> Void) throws {
        // Every cursor is read by column index from SQLite's bytes: rows looked up by column
        // name, each value made a String or Data, were a third of `journal verify`'s samples.
        let entryStatement = try db.makeStatement(sql: "SELECT \(JournalChain.entryColumnList) FROM journal ORDER BY id")
        let entries = try Row.fetchCursor(entryStatement)
        let sealStatement = try db.makeStatement(sql: "SELECT journalId, documentId, seal FROM journalSeal ORDER BY journalId, documentId")
        let seals = try Row.fetchCursor(sealStatement)
        // An older file read without upgrading has no table seals.
        let tableSeals =
            try db.tableExists("journalTableSeal")
            ? try Row.fetchCursor(db, sql: "SELECT journalId, tableName, seal FROM journalTableSeal ORDER BY journalId, tableName") : nil
        // The entry the seal cursor stands on; nil once it is exhausted.
        func sealEntry() throws -> Int64? { try seals.next() == nil ? nil : sqlite3_column_int64(sealStatement.sqliteStatement, 0) }
        var seal = try sealEntry()
        var tableSeal = try tableSeals?.next()
        var previous = ""
        let total = context.progress == nil ? nil : try JournalEntryRecord.fetchCount(db)
        while let entry = try entries.next() {
            if result.entries % 1024 == 0 { try context.report(.verifying, .entries, done: result.entries, total: total) }
            let id = sqlite3_column_int64(entryStatement.sqliteStatement, 0)
            var hasher = JournalChain.EntryHasher(previous: previous, statement: entryStatement.sqliteStatement)
            while let journalId = seal, journalId <= id {
                if journalId == id {
                    hasher.add(
                        documentId: sqlite3_column_int64(sealStatement.sqliteStatement, 1),
                        seal: JournalChain.bytes(ofColumn: 2, sealStatement.sqliteStatement))
                } else {
                    result.orphanSeals += 1
                }
                seal = try sealEntry()
            }
            while let s = tableSeal, (s["journalId"] as Int64) <= id {
                if (s["journalId"] as Int64) == id {
                    hasher.add(table: s["tableName"], seal: [UInt8](s["seal"] as Data? ?? Data()))
                } else {
                    result.orphanSeals += 1
                }
                tableSeal = try tableSeals?.next()
            }
            let stored: String? = entry[JournalChain.hashedFieldCount]
            defer { visit(id, stored ?? "", result.brokenLinkCount == 0 && result.orphanSeals == 0) }
            if stored != hasher.finalize() {
                result.brokenLinkCount += 1
                if result.brokenLinks.count < JournalVerification.listLimit {
                    result.brokenLinks.append(
                        .init(id: id, at: entry["at"], user: entry["user"], action: entry["action"], reference: entry["reference"]))
                }
            }
            // The next link is judged on its own: one edited entry is reported once.
            previous = stored ?? ""
            result.entries += 1
            result.headId = id
            result.headHash = stored
        }
        while seal != nil {
            result.orphanSeals += 1
            seal = try sealEntry()
        }
        while tableSeal != nil {
            result.orphanSeals += 1
            tableSeal = try tableSeals?.next()
        }
    }

    /// The documents with an id in `range`, each against its last seal; the seals of documents
    /// in the range that are gone.
    private static func checkDocuments(_ db: Database, in range: ClosedRange<Int64>) throws -> DocumentFindings {
        var result = DocumentFindings()
        // SQLite's bare columns: with max(), the other columns come from the row holding the maximum.
        let statement = try db.cachedStatement(
            sql:
                "SELECT documentId, max(journalId) AS journalId, seal FROM journalSeal WHERE documentId BETWEEN ? AND ? GROUP BY documentId ORDER BY documentId"
        )
        let seals = try Row.fetchCursor(statement, arguments: [range.lowerBound, range.upperBound])
        let sealed = statement.sqliteStatement
        // The document the seal cursor stands on; nil once it is exhausted.
        func sealedDocument() throws -> Int64? { try seals.next() == nil ? nil : sqlite3_column_int64(sealed, 0) }
        var seal = try sealedDocument()
        func report(_ id: Int64, _ kind: JournalVerification.AlteredDocument.Kind, _ journalId: Int64?) throws {
            result.alteredCount += 1
            guard result.altered.count < JournalVerification.listLimit else { return }
            // A row changed by hand may no longer read as a document: then it is named by its id.
            let reference = kind == .missing ? nil : (try? Document.fetch(db, id: id))??.reference
            result.altered.append(.init(id: id, reference: reference, kind: kind, journalId: journalId))
        }
        try RecordSeals.forEachCurrentSeal(db, in: range) { id, current in
            result.documents += 1
            while let documentId = seal, documentId < id {
                try report(documentId, .missing, sqlite3_column_int64(sealed, 1))
                seal = try sealedDocument()
            }
            guard seal == id else {
                try report(id, .unrecorded, nil)
                return
            }
            if !JournalChain.bytes(ofColumn: 2, sealed).elementsEqual(current) { try report(id, .changed, sqlite3_column_int64(sealed, 1)) }
            seal = try sealedDocument()
        }
        while let documentId = seal {
            try report(documentId, .missing, sqlite3_column_int64(sealed, 1))
            seal = try sealedDocument()
        }
        return result
    }

    /// The journal, newest last: only the lines about one document when a reference is given,
    /// only those made from `from` to `to` (the entry's local date), only the last `limit`.
    public func entries(reference: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil, limit: Int? = nil) throws -> [JournalEntry] {
        if let from, let to, to < from { throw RegistryError.dateOrder(earlier: .periodStart, later: .periodEnd) }
        return try read { db in
            var request = JournalEntryRecord.all().made(from: from, to: to)
            if let reference {
                request = request.about(document: try document(try DocumentReference(parsing: reference), text: reference, db).id)
            }
            // The last `limit` entries, oldest first.
            request = request.order(JournalEntryRecord.Columns.id.desc)
            if let limit { request = request.limit(max(0, limit)) }
            return try request.fetchAll(db).reversed().map(\.entry)
        }
    }
}
