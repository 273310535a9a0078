import Foundation
import Testing

/// Files made by the previous release (schema v6, `Fixtures/registry-v6.sqlite` and a backup of
/// it, written by vanthu 45e4cb8) read, verified, restored and upgraded by this one.
@Suite struct UpgradeTests {
    static let fixtures = CLI.root.appendingPathComponent("Tests/vanthuTests/Fixtures")

    func withV6File() throws -> CLI {
        let cli = try CLI(today: "2021-09-06")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("registry-v6.sqlite"), to: URL(fileURLWithPath: cli.databasePath))
        return cli
    }

    @Test func aV6FileVerifiesReadOnlyAndUpgradesWithItsSealsExtended() throws {
        let cli = try withV6File()
        let before = try cli.databaseBytes()
        // Read without upgrading: its row-only seals are checked as v6 wrote them.
        let readOnly = try cli.run(["journal", "verify"])
        #expect(readOnly.status == 0 && readOnly.stdout.contains("Nhật ký toàn vẹn: 13 dòng, 4 văn bản khớp"), "\(readOnly.stdout)\(readOnly.stderr)")
        #expect(try cli.databaseBytes() == before, "a read never upgrades the file")
        #expect(try cli.ok(["check"]).contains("Tốt"))
        // The first write (check opens for writing, to rebuild the index if asked) upgrades it:
        // one extend-seals entry (v7), one v8-electronic-documents entry, one v9-accounts entry
        // (sealing the new, empty, account table), one v10-closing entry (the closing tables),
        // then everything is sealed as now.
        _ = try cli.ok(["incoming", "add", "--issuer", "UBND tỉnh", "--summary", "Sau nâng cấp", "--type", "CV"])
        let entries = try #require(try cli.json(["journal"]) as? [[String: Any]])
        #expect(
            entries.map { $0["action"] as? String }.suffix(5) == [
                "extend-seals", "v8-electronic-documents", "v9-accounts", "v10-closing", "register",
            ])
        #expect(
            try cli.ok(["journal", "verify"]).contains("Nhật ký toàn vẹn: 18 dòng, 5 văn bản khớp"),
            "13 entries, extend-seals, v8-electronic-documents, v9-accounts, v10-closing, the registration")
        // Child rows are covered from here on.
        _ = try cli.run(
            [
                cli.databasePath,
                "DROP TRIGGER documentSearch_before_recipient_update; DROP TRIGGER documentSearch_after_recipient_update; UPDATE recipient SET name = 'Nơi khác'",
            ], executable: "/usr/bin/sqlite3")
        #expect(try cli.run(["journal", "verify"]).status == 1)
    }

    @Test func aV6FileEditedBeforeTheUpgradeStaysFlaggedAfterIt() throws {
        let cli = try withV6File()
        let edit = try cli.run([cli.databasePath, "UPDATE document SET subject = 'Sửa lén' WHERE id = 1"], executable: "/usr/bin/sqlite3")
        #expect(edit.status == 0)
        #expect(try cli.run(["journal", "verify"]).stdout.contains("den/2021/1"))
        _ = try cli.ok(["incoming", "add", "--issuer", "UBND tỉnh", "--summary", "Sau nâng cấp", "--type", "CV"])
        let after = try cli.run(["journal", "verify"])
        #expect(
            after.status == 1 && after.stdout.contains("VĂN BẢN BỊ SỬA NGOÀI VANTHU: den/2021/1"), "the upgrade must not bless it: \(after.stdout)")
    }

    @Test func aBackupMadeByTheOlderReleaseRestores() throws {
        let cli = try CLI(today: "2021-09-06")
        let backup = cli.folder.appendingPathComponent("sao-luu")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("backup-v6"), to: backup)
        let restored = try cli.run(["restore", backup.path])
        #expect(restored.status == 0 && restored.stdout.contains("4 văn bản"), "\(restored.stdout)\(restored.stderr)")
        #expect(try cli.ok(["journal", "verify"]).contains("Nhật ký toàn vẹn"))
    }
}

/// Files written by the vanthu of every earlier schema version (v1 to v5 and v7, made by
/// scripts/make-upgrade-fixtures.sh from the commits before each next migration): upgraded by
/// this build, they have the schema of a fresh file, keep their documents and verify.
@Suite struct EverySchemaVersionUpgradesTests {
    static func schema(_ cli: CLI, _ path: String) throws -> String {
        try cli.run(
            [path, "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"],
            executable: "/usr/bin/sqlite3"
        ).stdout
    }

    @Test(arguments: [1, 2, 3, 4, 5, 7])
    func anOldFileUpgradesToTheSchemaOfAFreshOne(version: Int) throws {
        let cli = try CLI(today: "2021-09-06")
        let fixture = UpgradeTests.fixtures.appendingPathComponent("registry-v\(version).sqlite")
        try FileManager.default.copyItem(at: fixture, to: URL(fileURLWithPath: cli.databasePath))
        let files = UpgradeTests.fixtures.appendingPathComponent("registry-v\(version).sqlite-files")
        if FileManager.default.fileExists(atPath: files.path) {
            try FileManager.default.copyItem(at: files, to: URL(fileURLWithPath: cli.databasePath + "-files"))
        }
        let check = try cli.run(["check"])
        #expect(check.status == 0 && check.stdout.contains("Tốt"), "v\(version): \(check.stdout)\(check.stderr)")

        var fresh = cli
        fresh.environment["VANTHU_DB"] = cli.folder.appendingPathComponent("moi.sqlite").path
        _ = try fresh.ok(["init", "--org", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "--org-code", "STTTT", "--place", "Kon Tum", "--style", "state"])
        let upgraded = try Self.schema(cli, cli.databasePath)
        #expect(!upgraded.isEmpty)
        #expect(upgraded == (try Self.schema(cli, fresh.databasePath)), "v\(version) upgraded differs from a fresh file")

        let incoming = try #require(try cli.json(["list", "incoming", "--year", "2021"]) as? [[String: Any]])
        #expect(incoming.compactMap { $0["number"] as? Int } == [783, 784], "v\(version)")
        #expect(try cli.ok(["show", "den/2021/784"]).contains("Vào sổ nhầm"))
        #expect(try cli.ok(["show", "di/2021/1"]).contains("01/BC-STTTT"))
        let verify = try cli.run(["journal", "verify"])
        #expect(verify.status == 0, "v\(version): \(verify.stdout)")
        if version >= 7 {
            // Its stored file went through v8 (new attachment columns) with its document resealed.
            let actions = try #require(try cli.json(["journal"]) as? [[String: Any]]).compactMap { $0["action"] as? String }
            #expect(actions.contains("v8-electronic-documents"), "\(actions)")
            #expect(try cli.ok(["attach", "list", "den/2021/783"]).contains("ban-quet.txt"))
        }
        // And it takes new work like any file.
        #expect(try cli.ok(["incoming", "add", "--issuer", "UBND tỉnh", "--summary", "Sau nâng cấp", "--type", "CV"]).contains("den/2021/785"))
    }

    /// The v6 file of the previous release, too, ends with the schema of a fresh file.
    @Test func theV6FileUpgradesToTheSchemaOfAFreshOne() throws {
        let cli = try CLI(today: "2021-09-06")
        try FileManager.default.copyItem(
            at: UpgradeTests.fixtures.appendingPathComponent("registry-v6.sqlite"), to: URL(fileURLWithPath: cli.databasePath))
        _ = try cli.ok(["incoming", "add", "--issuer", "UBND tỉnh", "--summary", "Sau nâng cấp", "--type", "CV"])
        var fresh = cli
        fresh.environment["VANTHU_DB"] = cli.folder.appendingPathComponent("moi.sqlite").path
        _ = try fresh.ok(["init", "--org", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "--org-code", "STTTT", "--place", "Kon Tum", "--style", "state"])
        #expect(try Self.schema(cli, cli.databasePath) == (try Self.schema(cli, fresh.databasePath)))
    }
}
