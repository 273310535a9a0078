import Crypto
import Foundation
import GRDB
import GRDBSQLite
import Testing
import VanThuTestSupport

@testable import VanThuCore

/// The journal's hash chain and the documents' seals, attacked through a second SQLite
/// connection, as someone with the file and a SQLite tool would.
@Suite struct JournalChainTests {
    /// A registry with three incoming documents, one routed, one edited, one voided, and an outgoing one.
    static func busyRegistry() throws -> Registry {
        let registry = try Fixtures.makeRegistry()
        for summary in ["Kết quả triển khai", "Kế hoạch tuyên truyền", "Báo cáo quý III"] {
            _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming(summary))
        }
        _ = try HandlingService(registry).route(
            reference: "den/2021/1", RoutingDraft(lead: "Phòng Tuyên truyền", due: "15/9/2021", date: "24/8/2021"))
        _ = try RegistrationService(registry).edit(reference: "den/2021/2", changes: DocumentChanges(summary: "Kế hoạch tuyên truyền năm 2022"))
        _ = try RegistrationService(registry).void(reference: "den/2021/3", reason: "Đăng ký trùng")
        _ = try RegistrationService(registry).registerOutgoing(try Fixtures.outgoing())
        return registry
    }

    /// SQL adding a copy of den/2021/2 as number 99, which no journal entry recorded.
    static let unrecordedCopy = """
        INSERT INTO document (kind, registerId, seriesKey, number, numberSuffix, registerDate, organName, typeCode, typeName,
            subject, registeredAt, registeredBy, status)
        SELECT kind, registerId, seriesKey, 99, '', registerDate, organName, typeCode, typeName, 'Văn bản chèn thêm',
            registeredAt, registeredBy, status FROM document WHERE number = 2 AND kind = 'incoming';
        """

    /// Runs SQL on the file through its own connection, triggers dropped first as needed.
    static func behindItsBack(_ registry: Registry, _ sql: String) throws {
        let queue = try DatabaseQueue(path: registry.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
    }

    @Test func everyWriteIsChainedAndEveryDocumentSealed() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        let result = try JournalService(registry).verifyJournal()
        #expect(result.isIntact)
        #expect(result.documents == 4 && result.alteredDocumentCount == 0 && result.brokenLinkCount == 0)
        let entries = try JournalService(registry).entries()
        #expect(result.entries == entries.count && result.headId == entries.last?.id && result.headHash == entries.last?.hash)
        #expect(entries.allSatisfy { $0.hash?.count == 64 })
        #expect(Set(entries.compactMap(\.hash)).count == entries.count)
        // Each document's last seal sits beside the last entry about it.
        let lastSeals = try registry.store.read { db in
            try Row.fetchAll(db, sql: "SELECT documentId, max(journalId) AS journalId FROM journalSeal GROUP BY documentId")
                .map { ($0["documentId"] as Int64, $0["journalId"] as Int64) }
        }
        for (documentId, journalId) in lastSeals {
            let last = entries.last { $0.entity == "document" && $0.entityId == documentId }
            #expect(last?.id == journalId)
        }
    }

    @Test func anEntryEditedBehindItsBackIsNamedAndOnlyIt() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        let edited = try #require(try JournalService(registry).entries(reference: "den/2021/2").last)
        try Self.behindItsBack(
            registry,
            """
            DROP TRIGGER journal_is_append_only_update;
            UPDATE journal SET user = 'người khác' WHERE id = \(edited.id);
            """)
        let result = try JournalService(registry).verifyJournal()
        #expect(!result.isIntact)
        #expect(result.brokenLinks.map(\.id) == [edited.id])
        #expect(result.brokenLinks.first?.user == "người khác" && result.alteredDocumentCount == 0)
    }

    @Test func aDeletedEntryBreaksTheNextLinkAndLeavesItsSealsOrphaned() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        let entries = try JournalService(registry).entries()
        let routed = try #require(entries.first { $0.action == "route" })
        try Self.behindItsBack(
            registry,
            """
            PRAGMA foreign_keys = OFF;
            DROP TRIGGER journal_is_append_only_delete;
            DELETE FROM journal WHERE id = \(routed.id);
            """)
        let result = try JournalService(registry).verifyJournal()
        #expect(result.brokenLinks.map(\.id) == [routed.id + 1])
        #expect(result.orphanSeals == 1)
    }

    @Test func cuttingTheEndOfTheJournalLeavesItsSealsBehind() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        let head = try #require(try JournalService(registry).entries().last)
        // The last entry (the first outgoing document) sealed the document and the register it opened.
        let queue = try DatabaseQueue(path: registry.path)
        let sealsOfHead = try queue.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT (SELECT COUNT(*) FROM journalSeal WHERE journalId = ?) + (SELECT COUNT(*) FROM journalTableSeal WHERE journalId = ?)",
                arguments: [head.id, head.id]) ?? 0
        }
        try queue.close()
        #expect(sealsOfHead == 2)
        try Self.behindItsBack(
            registry,
            """
            PRAGMA foreign_keys = OFF;
            DROP TRIGGER journal_is_append_only_delete;
            DELETE FROM journal WHERE id = \(head.id);
            """)
        let result = try JournalService(registry).verifyJournal()
        #expect(result.brokenLinkCount == 0 && result.orphanSeals == sealsOfHead && !result.isIntact)
    }

    @Test func documentsEditedAddedOrRemovedBehindItsBackAreNamed() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        try Self.behindItsBack(registry, "UPDATE document SET handler = 'Phòng khác' WHERE number = 1 AND kind = 'incoming';" + Self.unrecordedCopy)
        let result = try JournalService(registry).verifyJournal()
        let routed = try #require(try JournalService(registry).entries(reference: "den/2021/1").last)
        #expect(result.alteredDocuments.contains(.init(id: 1, reference: "den/2021/1", kind: .changed, journalId: routed.id)))
        #expect(result.alteredDocuments.contains { $0.kind == .unrecorded && $0.reference == "den/2021/99" })
        #expect(result.alteredDocumentCount == 2 && result.brokenLinkCount == 0)
        // The same value written back makes the row match again: the seal is of the values.
        try Self.behindItsBack(registry, "UPDATE document SET handler = 'Phòng Tuyên truyền' WHERE id = 1")
        #expect(try JournalService(registry).verifyJournal().alteredDocuments.map(\.kind) == [.unrecorded])
    }

    @Test func aChangeThatIsNotJournaledCannotCommit() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        #expect(throws: (any Error).self) {
            try registry.store.write { db in try db.execute(sql: "UPDATE document SET note = 'lén' WHERE id = 2") }
        }
        #expect(try DocumentService(registry).document(reference: "den/2021/2").note == nil)
        #expect(try JournalService(registry).verifyJournal().isIntact)
    }

    @Test func anOlderFileGetsItsChainStartedWhenOpened() throws {
        let registry = try Self.busyRegistry()
        let path = registry.path
        let entriesBefore = try JournalService(registry).entries().count
        registry.close()
        // The file as vanthu 0.1 (schema v5) left it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP TABLE journalSeal;
                    DROP TABLE journalTableSeal;
                    ALTER TABLE journal DROP COLUMN hash;
                    DELETE FROM grdb_migrations WHERE identifier IN ('v6-journal-chain', 'v7-seal-every-table');
                    """)
        }
        try queue.close()
        let reopened = try Registry.open(at: path, context: RegistryContext(user: "quản trị", today: LocalDate.parse("2021-12-31")))
        defer { reopened.close() }
        let entries = try JournalService(reopened).entries()
        #expect(entries.count == entriesBefore + 2)
        #expect(
            entries.dropLast().last?.action == "start-journal-chain" && entries.last?.action == "extend-seals" && entries.last?.user == "quản trị")
        let result = try JournalService(reopened).verifyJournal()
        #expect(result.isIntact && result.documents == 4)
        _ = try RegistrationService(reopened).registerIncoming(try Fixtures.incoming("Sau khi nâng cấp"))
        #expect(try JournalService(reopened).verifyJournal().isIntact)
        try Self.behindItsBack(reopened, "UPDATE document SET subject = 'Sửa' WHERE id = 2")
        #expect(try JournalService(reopened).verifyJournal().alteredDocuments.map(\.reference) == ["den/2021/2"])
    }

    /// Every column of the row is sealed, whichever column a hand changes (and any added later).
    @Test func theSealCoversEveryDocumentColumn() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        let columns = try registry.store.read { db in try db.columns(in: "document").map(\.name) }
        #expect(columns.count >= 40 && columns.first == "id")
        for column in columns where column != "id" {
            // Each column in turn set to a value no document holds, then put back.
            let before = try registry.store.read { db in try DatabaseValue.fetchOne(db, sql: "SELECT \(column) FROM document WHERE id = 2") } ?? .null
            try Self.behindItsBack(
                registry,
                """
                PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;
                DROP TRIGGER IF EXISTS document_numbers_are_fixed; DROP TRIGGER IF EXISTS document_void_is_final;
                UPDATE document SET \(column) = x'00' WHERE id = 2;
                """)
            #expect(try JournalService(registry).verifyJournal().alteredDocuments.map(\.id) == [2], "\(column)")
            let queue = try DatabaseQueue(path: registry.path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                try db.execute(sql: "UPDATE document SET \(column) = ? WHERE id = 2", arguments: [before])
            }
            try queue.close()
            #expect(try JournalService(registry).verifyJournal().isIntact, "\(column)")
        }
        // A column added behind vanthu's back changes every row.
        try Self.behindItsBack(registry, "ALTER TABLE document ADD COLUMN extra TEXT")
        #expect(try JournalService(registry).verifyJournal().alteredDocumentCount == 4)
    }

    @Test func checkFindsAGapInASeries() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        #expect(try JournalService(registry).verify().isClean)
        // A number removed behind vanthu's back: the series has a gap, and the journal knows it was there.
        try Self.behindItsBack(
            registry,
            """
            PRAGMA foreign_keys = OFF;
            DROP TRIGGER document_numbers_are_never_deleted;
            DELETE FROM document WHERE number = 2 AND kind = 'incoming';
            """)
        let report = try JournalService(registry).verify()
        #expect(!report.isClean)
        #expect(report.seriesGaps == [.init(register: "Sổ đăng ký văn bản đến năm 2021", seriesKey: "", numbers: "2", fromImport: false)])
        #expect(report.journal?.alteredDocuments.map(\.kind) == [.missing])
    }

    /// What the chain cannot prove alone: someone who can write the file edits a document and
    /// recomputes every seal and hash (a forged chain). Verify passes; the hash written in the
    /// closing minutes before the forgery is no longer on the chain.
    @Test func aForgedChainPassesAloneButNotAgainstTheHashWrittenOutside() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        let anchor = try #require(try JournalService(registry).journalHead()).hash
        #expect(try JournalService(registry).verifyJournal(expecting: [anchor]).isIntact)
        let queue = try DatabaseQueue(path: registry.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    DROP TRIGGER journal_is_append_only_update; DROP TRIGGER journal_is_append_only_delete;
                    DROP TRIGGER journalSeal_is_append_only_update; DROP TRIGGER journalSeal_is_append_only_delete;
                    DROP TRIGGER document_numbers_are_fixed;
                    UPDATE document SET subject = 'Nội dung giả' WHERE id = 1;
                    UPDATE journal SET after = json_set(after, '$.subject', 'Nội dung giả') WHERE entityId = 1 AND entity = 'document';
                    """)
            // The forger's program: every document's seal and every entry's hash recomputed.
            try db.execute(sql: "DELETE FROM journalSeal WHERE journalId IN (SELECT id FROM journal WHERE entityId = 1 AND entity = 'document')")
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(journalId) FROM journalSeal WHERE documentId = 1") ?? 1
            try RecordSeals.forEachDocument(db, in: 1...1) { id, seal in
                try JournalChain.insertSeal(db, journalId: last, documentId: id, seal: seal)
            }
            var previous = ""
            for entry in try Row.fetchAll(db, sql: "SELECT \(JournalChain.entryColumnList) FROM journal ORDER BY id") {
                let id: Int64 = entry["id"]
                var hasher = JournalChain.EntryHasher(previous: previous, fields: (0..<JournalChain.hashedFieldCount).map { entry[$0] })
                for seal in try Row.fetchAll(
                    db, sql: "SELECT documentId, seal FROM journalSeal WHERE journalId = ? ORDER BY documentId", arguments: [id])
                {
                    hasher.add(documentId: seal["documentId"], seal: [UInt8](seal["seal"] as Data))
                }
                for seal in try Row.fetchAll(
                    db, sql: "SELECT tableName, seal FROM journalTableSeal WHERE journalId = ? ORDER BY tableName", arguments: [id])
                {
                    hasher.add(table: seal["tableName"], seal: [UInt8](seal["seal"] as Data))
                }
                previous = hasher.finalize()
                try db.execute(sql: "UPDATE journal SET hash = ? WHERE id = ?", arguments: [previous, id])
            }
        }
        try queue.close()
        let alone = try JournalService(registry).verifyJournal()
        #expect(alone.isIntact, "a forged chain is consistent in itself: the limit the manual states")
        let anchored = try JournalService(registry).verifyJournal(expecting: [anchor])
        #expect(!anchored.isIntact && anchored.anchors == [.init(hash: anchor, entryId: nil)])
    }
}

extension JournalChainTests {
    /// The hasher gathers small pieces before handing them to swift-crypto: however the input is
    /// cut (bytes, 8-byte numbers, pieces across and past its 4 kB buffer, `Data`), the digest
    /// is the one-shot SHA-256 of the same bytes.
    @Test func theBufferedHasherGivesTheOneShotDigest() {
        var random = SystemRandomNumberGenerator()
        let input = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let expected = VanThuCore.SHA256.hex(bytes: Array(Crypto.SHA256.hash(data: input)))
        for sizes in [[1], [8, 1, 3], [4095, 2], [4096], [5000, 1], [37, 9000, 11], [9, 1, 4085], [4094, 9]] {
            var hash = VanThuCore.SHA256()
            var offset = 0
            var turn = 0
            while offset < input.count {
                let size = min(sizes[turn % sizes.count], input.count - offset)
                let piece = Array(input[offset..<offset + size])
                if size == 1 {
                    hash.update(tag: piece[0])
                } else if size == 9 {
                    // A value's head: its tag, then a number written big-endian.
                    hash.update(tag: piece[0], bigEndian: piece[1...].reduce(0) { $0 << 8 | UInt64($1) })
                } else if turn % 3 == 2 {
                    hash.update(Data(piece))
                } else {
                    piece.withUnsafeBytes { hash.update($0) }
                }
                offset += size
                turn += 1
            }
            #expect(hash.finalizeHex() == expected, "pieces of \(sizes)")
        }
    }
}

extension JournalChainTests {
    /// Seals hash the bytes SQLite holds; they must hash as the values GRDB reads would (what
    /// every seal written before was made from): text up to its first NUL, text that is not
    /// UTF-8 as GRDB repairs it, blobs, numbers and NULL.
    @Test func aColumnHashesFromSQLiteAsItsValueWould() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (v)")
            try db.execute(
                sql: """
                    INSERT INTO t VALUES (NULL), (0), (-7), (9223372036854775807), (2.5), (''), ('Ủy ban nhân dân tỉnh'),
                        (CAST(X'41004243' AS TEXT)), (CAST(X'C328E1BB' AS TEXT)), (CAST(X'FF' AS TEXT)), (X''), (X'00FF10')
                    """)
            let statement = try db.makeStatement(sql: "SELECT v, v, typeof(v) FROM t ORDER BY rowid")
            let rows = try Row.fetchCursor(statement)
            var kinds: Set<String> = []
            while try rows.next() != nil {
                kinds.insert(String(cString: sqlite3_column_text(statement.sqliteStatement, 2)))
                var fromBytes = VanThuCore.SHA256()
                JournalChain.append(columns: 0..<2, of: statement.sqliteStatement, to: &fromBytes)
                var fromValues = VanThuCore.SHA256()
                for index in CInt(0)..<2 {
                    JournalChain.append(DatabaseValue(sqliteStatement: statement.sqliteStatement, index: index), to: &fromValues)
                }
                #expect(fromBytes.finalizeHex() == fromValues.finalizeHex(), "\(DatabaseValue(sqliteStatement: statement.sqliteStatement, index: 0))")
            }
            #expect(kinds == ["null", "integer", "real", "text", "blob"])
        }
    }

    /// `journal verify` shares the documents out between connections, in chunks of ids: with
    /// chunks of one id and two other connections it finds what one connection alone finds,
    /// in the same order, and the other connections' work is kept.
    @Test func documentsCheckedOnSeveralConnectionsAreFoundAsOnOne() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        try Self.behindItsBack(
            registry,
            """
            UPDATE document SET handler = 'Phòng khác' WHERE number = 1 AND kind = 'incoming';
            DROP TRIGGER document_numbers_are_never_deleted;
            DELETE FROM document WHERE number = 3 AND kind = 'incoming';
            """ + Self.unrecordedCopy)
        let alone = try JournalService(registry).verifyJournal(expecting: [], chunk: 1_000_000, helpers: 0)
        #expect(alone.sharedChunks == 0)
        #expect(alone.result.alteredDocuments.map(\.kind) == [.changed, .missing, .unrecorded])
        #expect(alone.result.documents == 4)
        for joining in [true, false, true, false] {
            let shared = try JournalService(registry).verifyJournal(expecting: [], chunk: 1, helpers: 2, joining: joining)
            #expect(shared.result.alteredDocuments == alone.result.alteredDocuments)
            #expect(shared.result.alteredDocumentCount == 3 && shared.result.documents == 4)
            #expect(shared.result.headHash == alone.result.headHash && shared.result.entries == alone.result.entries)
            // Ids 1 to 5 (the deleted 3 among them) in five chunks: all the helpers' when this
            // connection does not join them, which it may do first on so few.
            #expect(joining ? shared.sharedChunks <= 5 : shared.sharedChunks == 5)
        }
    }

    /// A document id moved to the far end of Int64 by hand: the ids between make one long
    /// chunk, not billions of empty ones, and the check ends and names both ids.
    @Test func idsFarApartAreCheckedInBoundedChunks() throws {
        let registry = try Self.busyRegistry()
        defer { registry.close() }
        try Self.behindItsBack(registry, "UPDATE document SET id = 9223372036854775806 WHERE number = 2 AND kind = 'incoming'")
        let result = try JournalService(registry).verifyJournal(expecting: [], chunk: 2, helpers: 1).result
        #expect(result.alteredDocuments.map(\.kind) == [.missing, .unrecorded])
        #expect(result.alteredDocuments.map(\.id) == [2, 9_223_372_036_854_775_806])
        let chunks = try registry.store.read { try DocumentChunks($0, size: 2) }
        #expect(chunks.count == DocumentChunks.most)
        #expect(chunks.range(chunks.count - 1).upperBound == Int64.max)
        #expect(chunks.range(0) == 1...2 && chunks.range(1) == 3...4)
    }
}
