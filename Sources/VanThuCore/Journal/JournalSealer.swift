import GRDB

/// Gathers, during one transaction, the journal entries to append and the documents changed, and
/// writes them hashed and sealed just before the commit (``flush(_:)``). A transaction that
/// changed a document without journaling it cannot commit.
///
/// Only touched on the database's serial writer queue, inside transactions.
final class JournalSealer: TransactionObserver, @unchecked Sendable {
    /// An entry waiting for the end of its transaction.
    struct Entry {
        var at: String
        var user: String
        var action: String
        var entity: String
        var entityId: Int64?
        var reference: String?
        var before: String?
        var after: String?
    }

    private var entries: [Entry] = []
    private var changedDocuments: Set<Int64> = []

    func append(_ entry: Entry) {
        entries.append(entry)
    }

    /// Writes the pending entries, chained, each document's seal beside the last entry about it
    /// (else beside the transaction's last entry).
    func flush(_ db: Database) throws {
        defer { reset() }
        guard !changedDocuments.isEmpty || !entries.isEmpty else { return }
        guard !entries.isEmpty else { throw UnjournaledChange(documents: changedDocuments.count) }
        var seals = [[(documentId: Int64, seal: [UInt8])]](repeating: [], count: entries.count)
        var lastEntryAbout: [Int64: Int] = [:]
        for (index, entry) in entries.enumerated() where entry.entity == "document" {
            if let id = entry.entityId { lastEntryAbout[id] = index }
        }
        let ids = changedDocuments.sorted()
        func sealRow(_ row: Row) {
            let id: Int64 = row["id"]
            seals[lastEntryAbout[id] ?? entries.count - 1].append((id, JournalChain.seal(of: row)))
        }
        if let first = ids.first, let last = ids.last, last - first < Int64(ids.count) * 4 {
            // Mostly consecutive (a batch, an import): one range scan.
            let rows = try Row.fetchCursor(
                db, sql: "\(JournalChain.sealedRows) WHERE id BETWEEN ? AND ? ORDER BY id", arguments: [first, last])
            while let row = try rows.next() {
                if changedDocuments.contains(row["id"]) { sealRow(row) }
            }
        } else {
            let read = try db.cachedStatement(sql: "\(JournalChain.sealedRows) WHERE id = ?")
            for id in ids {
                let rows = try Row.fetchCursor(read, arguments: [id])
                while let row = try rows.next() { sealRow(row) }
            }
        }
        var (id, previous) = try JournalChain.head(db)
        for (entry, seals) in zip(entries, seals) {
            id += 1
            let fields: [DatabaseValue] = [
                id.databaseValue, entry.at.databaseValue, entry.user.databaseValue, entry.action.databaseValue,
                entry.entity.databaseValue, entry.entityId.databaseValue, entry.reference.databaseValue,
                entry.before.databaseValue, entry.after.databaseValue,
            ]
            previous = try JournalChain.insert(db, id: id, previous: previous, fields: fields, seals: seals)
        }
    }

    private func reset() {
        entries.removeAll()
        changedDocuments.removeAll()
    }

    // MARK: TransactionObserver

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        switch eventKind {
        case .insert(let table), .update(let table, _): table == "document"
        case .delete: false
        }
    }

    func databaseDidChange(with event: DatabaseEvent) {
        // Triggers' changes to other tables arrive here too.
        guard event.tableName == "document" else { return }
        changedDocuments.insert(event.rowID)
    }

    func databaseWillCommit() throws {
        guard entries.isEmpty, changedDocuments.isEmpty else { throw UnjournaledChange(documents: changedDocuments.count) }
    }

    func databaseDidCommit(_ db: Database) { reset() }

    func databaseDidRollback(_ db: Database) { reset() }

    /// A programming error: a change was written without going through ``Registry/write(commit:_:)``'s journal.
    struct UnjournaledChange: Error, CustomStringConvertible {
        var documents: Int
        var description: String { "a change to \(documents) documents was not journaled; nothing was written" }
    }
}
