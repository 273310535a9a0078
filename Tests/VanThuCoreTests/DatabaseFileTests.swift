import Foundation
import GRDB
import Testing

@testable import VanThuCore

@Suite struct DatabaseFileTests {
    let context = RegistryContext(user: "test", today: LocalDate.parse("2021-08-25"))

    @Test func aMissingDatabaseIsNeverCreatedByOpening() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("none.sqlite").path
        #expect(throws: RegistryError.databaseNotFound(path: path)) { try Registry.open(at: path, context: context) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func initNeverOverwrites() throws {
        let registry = try Fixtures.makeRegistry()
        registry.close()
        #expect(throws: RegistryError.databaseExists(path: registry.path)) {
            try Registry.create(at: registry.path, organization: Fixtures.stateAgency, context: context)
        }
    }

    @Test(arguments: [Data("đây không phải cơ sở dữ liệu".utf8), Data(repeating: 0x5A, count: 8192), Data()])
    func aFileThatIsNotAVanThuDatabaseIsRefusedAndLeftAlone(content: Data) throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("other.sqlite").path
        try content.write(to: URL(fileURLWithPath: path))
        #expect(throws: RegistryError.notAVanThuDatabase(path: path)) { try Registry.open(at: path, context: context) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
    }

    @Test func anotherApplicationsSQLiteFileIsRefused() throws {
        let path = try Fixtures.temporaryFolder().appendingPathComponent("app.sqlite").path
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: RegistryError.notAVanThuDatabase(path: path)) { try Registry.open(at: path, context: context) }
    }

    @Test func aDatabaseFromANewerVanThuIsReadButNotWritten() throws {
        let registry = try Fixtures.makeRegistry()
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming())
        registry.close()
        try DatabaseQueue(path: registry.path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        #expect(throws: RegistryError.databaseTooNew(path: registry.path)) { try Registry.open(at: registry.path, context: context) }
        let reader = try Registry.open(at: registry.path, access: .read, context: context)
        defer { reader.close() }
        #expect(try DocumentService(reader).documents(direction: .incoming).count == 1)
    }

    @Test func aReadOnlyDatabaseIsRefusedForWriting() throws {
        let registry = try Fixtures.makeRegistry()
        registry.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: registry.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: registry.path) }
        #expect(throws: RegistryError.databaseReadOnly(path: registry.path)) { try Registry.open(at: registry.path, context: context) }
        let reader = try Registry.open(at: registry.path, access: .read, context: context)
        reader.close()
    }

    @Test func aTruncatedDatabaseIsRefusedNotCrashedOn() throws {
        let registry = try Fixtures.makeRegistry()
        for i in 0..<200 {
            _ = try RegistrationService(registry).registerIncoming(
                try Fixtures.incoming("Văn bản số \(i) " + String(repeating: "nội dung ", count: 20)))
        }
        registry.close()
        let url = URL(fileURLWithPath: registry.path)
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 3).write(to: url)
        #expect(throws: RegistryError.self) {
            let damaged = try Registry.open(at: registry.path, access: .read, context: context)
            defer { damaged.close() }
            _ = try DocumentService(damaged).documents(direction: .incoming)
        }
    }
}

@Suite struct SchemaTests {
    /// `schema/schema.sql` is what the migrations build; `RECORD_SNAPSHOTS=1` rewrites it.
    @Test func theSchemaSnapshotMatchesTheMigrations() throws {
        let registry = try Fixtures.makeRegistry()
        registry.close()
        let collector = TextCollector()
        try DatabaseQueue(path: registry.path).read { db in try db.dumpSchema(to: collector) }
        let url = Fixtures.root.appendingPathComponent("schema/schema.sql")
        let header =
            "-- The vanthu schema as the migrations build it. Checked by SchemaTests;\n-- regenerate with RECORD_SNAPSHOTS=1 swift test --filter SchemaTests.\n"
        let built = header + collector.text
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try built.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == built)
    }
}

extension SchemaTests {
    /// v13 compares a column with each constant instead of an `IN` list (which SQLite evaluates
    /// through a temporary b-tree at each INSERT): the constraints refuse what they refused and
    /// let pass what they let pass, NULL included, and the queries meant for the partial indexes
    /// still use them.
    @Test func theConstraintsCompareWithEachConstantAndStillRefuse() throws {
        #expect(
            RegistryMigrator.checksComparingEachConstant(
                "a TEXT CHECK (a IN ('x', 'y', 'z')), b INTEGER CHECK (b IN (0, 1)), c CHECK (c IN ('p', 'q'))")
                == "a TEXT CHECK (a = 'x' OR a = 'y' OR a = 'z'), b INTEGER CHECK (b IN (0, 1)), c CHECK (c IN ('p', 'q'))")
        let registry = try Fixtures.makeRegistry()
        _ = try RegistrationService(registry).registerIncoming(try Fixtures.incoming("Văn bản mẫu"))
        registry.close()
        let queue = try DatabaseQueue(path: registry.path)
        defer { try? queue.close() }
        try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql LIKE '%CHECK%'")
            #expect(!tables.isEmpty)
            for sql in tables { #expect(RegistryMigrator.checksComparingEachConstant(sql) == sql) }
            for index in ["document_open", "document_open_by_date", "document_outgoing_on_codeNotation"] {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [index]) ?? ""
                #expect(sql.contains(" OR ") && !sql.contains(" IN ("), "\(sql)")
            }
            func plan(_ sql: String) throws -> String {
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: " ")
            }
            #expect(
                try plan("SELECT d.id FROM document d WHERE \(HandlingService.openCondition) AND d.dueDate <= '2021-01-01'").contains("document_open")
            )
            #expect(
                try plan(
                    "SELECT d.id FROM document d INDEXED BY document_open_by_date WHERE \(HandlingService.openCondition) AND d.kind = 'incoming'"
                )
                .contains("document_open_by_date"))
            #expect(
                try plan("SELECT d.id FROM document d WHERE \(DocumentService.outgoingCondition) AND d.codeNotation = 'BC-STTTT'")
                    .contains("document_outgoing_on_codeNotation"))
        }
        try queue.write { db in
            let columns = "kind, registerId, number, registerDate, organName, typeCode, typeName, subject, registeredAt, registeredBy"
            let good = "'incoming', 1, 900, '2021-09-01', 'UBND tỉnh', 'CV', 'Công văn', 'Mẫu', '2021-09-01T08:00:00+07:00', 'test'"
            // Each column alone, in a savepoint rolled back: a wrong constant is refused, NULL and a right one pass.
            for (column, wrong, right) in [
                ("urgency", "'gap'", "'hoaToc'"), ("secrecy", "'mat lam'", "'tuyetMat'"), ("status", "'xong'", "'returned'"),
            ] {
                for (value, refused) in [(wrong, true), ("NULL", false), (right, false)] {
                    let insert = "INSERT INTO document (\(columns), \(column)) VALUES (\(good), \(value))"
                    let failed =
                        (try? db.inSavepoint {
                            try db.execute(sql: insert)
                            return .rollback
                        }) == nil
                    #expect(failed == refused, "\(column) = \(value)")
                }
            }
            let wrongKind = "INSERT INTO document (\(columns)) VALUES (\(good.replacingOccurrences(of: "'incoming'", with: "'den'")))"
            #expect(
                (try? db.inSavepoint {
                    try db.execute(sql: wrongKind)
                    return .rollback
                }) == nil)
            let wrongAction = "INSERT INTO handlingStep (documentId, action, day, at, user) VALUES (1, 'chuyen', '2021-09-01', 'x', 'test')"
            #expect(
                (try? db.inSavepoint {
                    try db.execute(sql: wrongAction)
                    return .rollback
                }) == nil)
            let rightAction = wrongAction.replacingOccurrences(of: "'chuyen'", with: "'receipt'")
            #expect(
                (try? db.inSavepoint {
                    try db.execute(sql: rightAction)
                    return .rollback
                }) != nil)
        }
    }

    /// v1 carries the document types of its day as data; when `DocumentType.builtins` changes, a
    /// new migration must bring old files the change, and this test says so.
    @Test func theBuiltinTypesAreThoseTheMigrationsWrite() throws {
        let registry = try Fixtures.makeRegistry()
        registry.close()
        let stored = try DatabaseQueue(path: registry.path).read { db in
            try Row.fetchAll(db, sql: "SELECT style, code, name, inNotation, isCopy FROM documentType WHERE builtin = 1").map {
                "\($0["style"] as String)|\($0["code"] as String)|\($0["name"] as String)|\($0["inNotation"] as Bool)|\($0["isCopy"] as Bool)"
            }
        }
        let expected = DocumentType.builtins.map { "\($0.style.rawValue)|\($0.code)|\($0.name)|\($0.inNotation)|\($0.isCopy)" }
        #expect(Set(stored) == Set(expected) && stored.count == expected.count)
    }
}

/// Collects what `dumpSchema` writes.
final class TextCollector: TextOutputStream {
    var text = ""
    func write(_ string: String) { text += string }
}
