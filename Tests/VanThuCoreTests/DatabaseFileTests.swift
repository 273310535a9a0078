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
