import Foundation
import GRDB

extension RegistryMigrator {
    /// v8: electronic documents (ND30 Điều 21–22). An attachment says what it is (the original
    /// received, a rendition vanthu drew the ĐẾN stamp on, or another file) and keeps what
    /// checking its signatures found when it was stored; the agency's trusted roots for
    /// checking signatures (`vanthu trust`) are kept in the file. Documents received through the
    /// Trục liên thông (edXML) keep their national identifier, their sender and where their
    /// replies go (`exchange`); the agencies of the exchange are a directory (`agency`). The new
    /// tables are sealed whole, like the other small tables.
    static let electronicSQL = """
        ALTER TABLE attachment ADD COLUMN role TEXT NOT NULL DEFAULT 'attachment'
            CHECK (role IN ('original', 'rendition', 'attachment'));
        ALTER TABLE attachment ADD COLUMN signatures TEXT;
        CREATE TABLE trustedCertificate (
            sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            subject TEXT NOT NULL CHECK (subject <> ''),
            notAfter TEXT,
            certificate BLOB NOT NULL CHECK (length(certificate) > 0),
            addedAt TEXT NOT NULL,
            addedBy TEXT NOT NULL
        );
        CREATE TABLE exchange (
            documentId INTEGER PRIMARY KEY REFERENCES document(id),
            nationalId TEXT NOT NULL UNIQUE CHECK (nationalId <> ''),
            senderOrganId TEXT,
            senderName TEXT,
            outbox TEXT,
            receivedAt TEXT NOT NULL,
            revokedAt TEXT,
            revokedReason TEXT,
            replacesDocumentId INTEGER REFERENCES document(id)
        );
        CREATE TABLE agency (
            organId TEXT PRIMARY KEY CHECK (organId <> ''),
            name TEXT NOT NULL CHECK (name <> ''),
            addedAt TEXT NOT NULL,
            addedBy TEXT NOT NULL
        );
        """

    /// The new columns change the seal of every document with an attachment, so the documents
    /// whose seals held before are sealed again, with the new table, under one entry; one that no longer matched
    /// (changed behind vanthu's back) keeps its old seal and verify goes on naming it.
    static func addElectronicDocuments(_ db: Database, user: String) throws {
        // Only documents with a stored file change seal; without any, nothing is resealed.
        let withFiles = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT documentId FROM attachment"))
        let intact = try sealsHolding(db, among: withFiles, layout: .exchangeTable)
        try db.execute(sql: electronicSQL)
        // One entry seals the new table (so verify finds it sealed right after the upgrade) and
        // the documents above; a new file has nothing to seal yet.
        try sealEverything(db, user: user, action: "v8-electronic-documents", only: intact)
    }
}

extension RegistryMigrator {
    /// v11: each exchange record is sealed with its document instead of in a seal of the whole
    /// table (``RecordSeals/Layout``). The documents with one are sealed again under one entry,
    /// if their seals and the table's held till now; one changed behind vanthu's back (or every
    /// one, when the table was) keeps its old seal, and verify goes on naming it.
    static func sealExchangesWithDocuments(_ db: Database, user: String) throws {
        let withExchange = Set(try Int64.fetchAll(db, sql: "SELECT documentId FROM exchange"))
        guard !withExchange.isEmpty else { return }  // no seal changes
        let order = RecordSeals.tables.first { $0.table == "exchange" }?.order ?? "documentId"
        let tableHeld = try RecordSeals.lastSeal(ofTable: "exchange", db)?.seal == RecordSeals.seal(ofTable: "exchange", order: order, db)
        let intact = tableHeld ? try sealsHolding(db, among: withExchange, layout: .exchangeTable) : []
        try sealEverything(db, user: user, action: RecordSeals.Layout.migration, only: intact, layout: .exchangeInDocument)
    }

    /// The documents of `ids` whose seal, computed as `layout` lays it out, is still the last
    /// one the journal holds for them.
    static func sealsHolding(_ db: Database, among ids: Set<Int64>, layout: RecordSeals.Layout) throws -> Set<Int64> {
        var intact = Set<Int64>()
        let latest = try Row.fetchCursor(
            db, sql: "SELECT documentId, max(journalId) AS journalId, seal FROM journalSeal GROUP BY documentId ORDER BY documentId")
        var seal = try latest.next()
        try RecordSeals.forEachDocument(db, layout: layout) { id, current in
            while let s = seal, (s["documentId"] as Int64) < id { seal = try latest.next() }
            if ids.contains(id), let s = seal, (s["documentId"] as Int64) == id, [UInt8](s["seal"] as Data? ?? Data()) == current {
                intact.insert(id)
            }
        }
        return intact
    }
}
