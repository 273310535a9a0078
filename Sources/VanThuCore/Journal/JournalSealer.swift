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
    /// Rows of a document's child tables changed in this transaction: table → rowids.
    private var changedChildren: [String: Set<Int64>] = [:]
    /// Small tables changed in this transaction (those with a rowid).
    private var changedTables: Set<String> = []

    func append(_ entry: Entry) {
        entries.append(entry)
    }

    /// Writes the pending entries, chained, each document's seal beside the last entry about it
    /// (else beside the transaction's last entry), and the seal of every small table that
    /// changed beside the last entry.
    func flush(_ db: Database) throws {
        defer { reset() }
        guard !changedDocuments.isEmpty || !changedChildren.isEmpty || !changedTables.isEmpty || !entries.isEmpty else { return }
        guard !entries.isEmpty else { throw UnjournaledChange(documents: changedDocuments.count) }
        var seals = [[(documentId: Int64, seal: [UInt8])]](repeating: [], count: entries.count)
        var lastEntryAbout: [Int64: Int] = [:]
        var documents = changedDocuments
        for (index, entry) in entries.enumerated() where entry.entity == "document" {
            if let id = entry.entityId {
                lastEntryAbout[id] = index
                documents.insert(id)
            }
        }
        for (table, rowIDs) in changedChildren {
            for rowID in rowIDs {
                if let id = try RecordSeals.documentId(ofChild: table, rowID: rowID, db) { documents.insert(id) }
            }
        }
        let layout = try RecordSeals.Layout.of(db)
        for (id, seal) in try RecordSeals.seals(db, ids: documents.sorted(), layout: layout) {
            seals[lastEntryAbout[id] ?? entries.count - 1].append((id, seal))
        }
        var tableSeals: [(table: String, seal: [UInt8])] = []
        for (table, order) in try RecordSeals.tables(in: db, layout: layout) {
            let last = try RecordSeals.lastSeal(ofTable: table, db)
            guard last == nil || changedTables.contains(table) || RecordSeals.unobservedTables.contains(table) else { continue }
            let seal = try RecordSeals.seal(ofTable: table, order: order, db)
            if last?.seal != seal { tableSeals.append((table, seal)) }
        }
        var (id, previous) = try JournalChain.head(db)
        for (index, (entry, seals)) in zip(entries, seals).enumerated() {
            id += 1
            let fields: [DatabaseValue] = [
                id.databaseValue, entry.at.databaseValue, entry.user.databaseValue, entry.action.databaseValue,
                entry.entity.databaseValue, entry.entityId.databaseValue, entry.reference.databaseValue,
                entry.before.databaseValue, entry.after.databaseValue,
            ]
            previous = try JournalChain.insert(
                db, id: id, previous: previous, fields: fields, seals: seals, tableSeals: index == entries.count - 1 ? tableSeals : [])
        }
    }

    private func reset() {
        entries.removeAll()
        changedDocuments.removeAll()
        changedChildren.removeAll()
        changedTables.removeAll()
    }

    // MARK: TransactionObserver

    private static let observedTables = Set(RecordSeals.tables.map(\.table)).subtracting(RecordSeals.unobservedTables)

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        switch eventKind {
        case .insert(let table), .update(let table, _), .delete(let table):
            table == "document" || RecordSeals.observedChildren.contains(table) || Self.observedTables.contains(table)
        }
    }

    func databaseDidChange(with event: DatabaseEvent) {
        // Triggers' changes to other tables arrive here too.
        if event.tableName == "document" {
            changedDocuments.insert(event.rowID)
        } else if RecordSeals.observedChildren.contains(event.tableName) {
            changedChildren[event.tableName, default: []].insert(event.rowID)
        } else {
            changedTables.insert(event.tableName)
        }
    }

    func databaseWillCommit() throws {
        guard entries.isEmpty, changedDocuments.isEmpty, changedChildren.isEmpty, changedTables.isEmpty else {
            throw UnjournaledChange(documents: changedDocuments.count)
        }
    }

    func databaseDidCommit(_ db: Database) { reset() }

    func databaseDidRollback(_ db: Database) { reset() }

    /// A programming error: a change was written without going through ``Registry/write(commit:_:)``'s journal.
    struct UnjournaledChange: Error, CustomStringConvertible {
        var documents: Int
        var description: String { "a change to \(documents) documents was not journaled; nothing was written" }
    }
}
