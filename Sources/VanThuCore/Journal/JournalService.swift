import Foundation
import GRDB

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
        let expected = given.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        if let bad = expected.first(where: { $0.utf8.count != 64 || !$0.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) } }
        ) {
            throw RegistryError.invalidHash(bad)
        }
        return try read { db in
            var result = JournalVerification(
                entries: 0, headId: nil, headHash: nil, brokenLinks: [], brokenLinkCount: 0, orphanSeals: 0,
                documents: 0, alteredDocuments: [], alteredDocumentCount: 0, alteredTables: [], anchors: [])
            let wanted = Set(expected)
            var found: [String: Int64] = [:]
            try checkChain(db, into: &result) { id, hash, intactSoFar in
                if wanted.contains(hash), intactSoFar { found[hash] = id }
            }
            for hash in expected {
                result.anchors.append(.init(hash: hash, entryId: found[hash]))
            }
            try checkDocuments(db, into: &result)
            try checkTables(db, into: &result)
            return result
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
        let entryStatement = try db.makeStatement(sql: "SELECT \(JournalChain.entryColumnList) FROM journal ORDER BY id")
        let entries = try Row.fetchCursor(entryStatement)
        let seals = try Row.fetchCursor(db, sql: "SELECT journalId, documentId, seal FROM journalSeal ORDER BY journalId, documentId")
        // An older file read without upgrading has no table seals.
        let tableSeals =
            try db.tableExists("journalTableSeal")
            ? try Row.fetchCursor(db, sql: "SELECT journalId, tableName, seal FROM journalTableSeal ORDER BY journalId, tableName") : nil
        var seal = try seals.next()
        var tableSeal = try tableSeals?.next()
        var previous = ""
        let total = context.progress == nil ? nil : try JournalEntryRecord.fetchCount(db)
        while let entry = try entries.next() {
            if result.entries % 1024 == 0 { try context.report(.verifying, .entries, done: result.entries, total: total) }
            let id: Int64 = entry["id"]
            var hasher = JournalChain.EntryHasher(
                previous: previous, fields: JournalChain.values(of: entryStatement, count: JournalChain.hashedFieldCount))
            while let s = seal, (s["journalId"] as Int64) <= id {
                if (s["journalId"] as Int64) == id {
                    hasher.add(documentId: s["documentId"], seal: [UInt8](s["seal"] as Data? ?? Data()))
                } else {
                    result.orphanSeals += 1
                }
                seal = try seals.next()
            }
            while let s = tableSeal, (s["journalId"] as Int64) <= id {
                if (s["journalId"] as Int64) == id {
                    hasher.add(table: s["tableName"], seal: [UInt8](s["seal"] as Data? ?? Data()))
                } else {
                    result.orphanSeals += 1
                }
                tableSeal = try tableSeals?.next()
            }
            let stored: String? = entry["hash"]
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
            seal = try seals.next()
        }
        while tableSeal != nil {
            result.orphanSeals += 1
            tableSeal = try tableSeals?.next()
        }
    }

    private func checkDocuments(_ db: Database, into result: inout JournalVerification) throws {
        // SQLite's bare columns: with max(), the other columns come from the row holding the maximum.
        let seals = try Row.fetchCursor(
            db, sql: "SELECT documentId, max(journalId) AS journalId, seal FROM journalSeal GROUP BY documentId ORDER BY documentId")
        var seal = try seals.next()
        func report(_ id: Int64, _ kind: JournalVerification.AlteredDocument.Kind, _ journalId: Int64?) throws {
            result.alteredDocumentCount += 1
            guard result.alteredDocuments.count < JournalVerification.listLimit else { return }
            // A row changed by hand may no longer read as a document: then it is named by its id.
            let reference = kind == .missing ? nil : (try? Document.fetch(db, id: id))??.reference
            result.alteredDocuments.append(.init(id: id, reference: reference, kind: kind, journalId: journalId))
        }
        try RecordSeals.forEachCurrentSeal(db) { id, current in
            result.documents += 1
            while let s = seal, (s["documentId"] as Int64) < id {
                try report(s["documentId"], .missing, s["journalId"])
                seal = try seals.next()
            }
            guard let s = seal, (s["documentId"] as Int64) == id else {
                try report(id, .unrecorded, nil)
                return
            }
            if [UInt8](s["seal"] as Data? ?? Data()) != current { try report(id, .changed, s["journalId"]) }
            seal = try seals.next()
        }
        while let s = seal {
            try report(s["documentId"], .missing, s["journalId"])
            seal = try seals.next()
        }
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
