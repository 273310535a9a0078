import Foundation
import GRDB
import Testing

@testable import VanThuCore

/// From v11 an edXML exchange record is sealed with its document (``RecordSeals/Layout``), not in
/// a seal of the whole exchange table that every envelope received had to re-hash.
@Suite struct ExchangeSealTests {
    /// A registry with two documents received through the Trục liên thông and one on paper.
    static func registry() throws -> Registry {
        let registry = try Fixtures.makeRegistry()
        for (number, subject) in [("12", "Kế hoạch tuyên truyền"), ("13", "Báo cáo quý III")] {
            var envelope = EdXMLEnvelope()
            envelope.from = .init(organId: "000.00.12.H29", name: "Sở Nội vụ")
            envelope.documentId = "000.00.12.H29,2021/08/20,\(number)/KH-SNV"
            envelope.codeNumber = number
            envelope.codeNotation = "KH-SNV"
            envelope.promulgationDate = try LocalDate(parsing: "20/8/2021")
            envelope.typeName = "Kế hoạch"
            envelope.subject = subject
            _ = try ExchangeService(registry).receive(envelope, source: "\(number).edxml", outbox: nil)
        }
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Công văn giấy"))
        return registry
    }

    static func exchangeDocuments(_ registry: Registry) throws -> [Int64] {
        try registry.store.read { try Int64.fetchAll($0, sql: "SELECT documentId FROM exchange ORDER BY documentId") }
    }

    @Test func anExchangeRecordChangedByHandNamesItsDocumentAndNoTableIsSealedWhole() throws {
        let registry = try Self.registry()
        defer { registry.close() }
        #expect(try JournalService(registry).verifyJournal().isIntact)
        let ids = try Self.exchangeDocuments(registry)
        #expect(ids.count == 2)
        let tables = try registry.store.read { try RecordSeals.tables(in: $0).map(\.table) }
        #expect(!tables.contains("exchange") && tables.contains("register"))
        try JournalChainTests.behindItsBack(registry, "UPDATE exchange SET senderName = 'Ai đó' WHERE documentId = \(ids[1])")
        let result = try JournalService(registry).verifyJournal()
        #expect(result.alteredDocuments.map(\.id) == [ids[1]] && result.alteredTables.isEmpty, "\(result.alteredDocuments) \(result.alteredTables)")
        try JournalChainTests.behindItsBack(registry, "DELETE FROM exchange WHERE documentId = \(ids[0])")
        #expect(Set(try JournalService(registry).verifyJournal().alteredDocuments.map(\.id)) == Set(ids))
    }

    /// A v10 file (the exchange table sealed whole) upgraded: the documents with an exchange are
    /// sealed again under one entry and verify stays clean; a record changed by hand before the
    /// upgrade is not absorbed into the new seals.
    @Test(arguments: [false, true])
    func aVersion10FileIsUpgradedWithoutLosingWhatItsSealsSaid(changedBeforeUpgrade: Bool) throws {
        let registry = try Self.registry()
        let path = registry.path
        let ids = try Self.exchangeDocuments(registry)
        registry.close()
        // The file as v10 left it: the seals laid out the old way, the migration not yet run.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [RecordSeals.Layout.migration])
            try RegistryMigrator.sealEverything(db, user: "v10", action: "v10-state", layout: .exchangeTable)
        }
        if changedBeforeUpgrade {
            try queue.writeWithoutTransaction { try $0.execute(sql: "UPDATE exchange SET senderName = 'Ai đó' WHERE documentId = \(ids[0])") }
        }
        // Read without upgrading, a v10 file checks its exchange table as a whole.
        let v10 = try queue.read { db in try RecordSeals.tables(in: db).map(\.table) }
        #expect(v10.contains("exchange"))
        try queue.close()

        let reopened = try Registry.open(at: path, context: RegistryContext(user: "quản trị", today: LocalDate.parse("2021-12-31")))
        defer { reopened.close() }
        let entries = try JournalService(reopened).entries()
        #expect(entries.last?.action == RecordSeals.Layout.migration && entries.last?.user == "quản trị")
        let result = try JournalService(reopened).verifyJournal()
        if changedBeforeUpgrade {
            #expect(Set(result.alteredDocuments.map(\.id)) == Set(ids), "a changed table: none of its records is taken as sealed")
        } else {
            #expect(result.isIntact, "\(result.alteredDocuments) \(result.alteredTables)")
            _ = try RegistrationService(reopened).edit(reference: "den/2021/1", changes: DocumentChanges(summary: "Sửa sau khi nâng cấp"))
            #expect(try JournalService(reopened).verifyJournal().isIntact)
        }
    }
}
