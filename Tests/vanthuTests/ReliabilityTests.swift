import Foundation
import GRDB
import Testing
import VanThuTestSupport

/// Concurrent clerks, killed processes, full disks and hands in the file: the register survives,
/// and `vanthu check` proves it. Real processes, real files.
@Suite struct ReliabilityTests {
    static let sqlite3 = ["/usr/bin/sqlite3", "/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// An old incoming register as a clerk keeps it in Excel: `count` rows of `year`.
    static func registerCSV(year: Int, count: Int, in folder: URL) throws -> URL {
        var text = "Ngày đến,Số đến,Tác giả,\"Số, ký hiệu\",Ngày tháng,Tên loại và trích yếu nội dung,Đơn vị hoặc người nhận,Ghi chú\n"
        for number in 1...count {
            text += "02/01/\(year),\(number),Ban Tuyên giáo Tỉnh ủy,\(number)-HD/BTGTU,31/12/\(year - 1),"
            text += "Hướng dẫn số \(number) về tuyên truyền cải cách hành chính trên địa bàn tỉnh,Phòng Thông tin - Báo chí - Xuất bản,\n"
        }
        let url = folder.appendingPathComponent("so-den-\(year).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Numbers of one year's incoming register, ascending.
    static func incomingNumbers(_ cli: CLI, year: Int) throws -> [Int] {
        let queue = try DatabaseQueue(
            path: cli.databasePath,
            configuration: {
                var c = Configuration()
                c.readonly = true
                return c
            }())
        defer { try? queue.close() }
        return try queue.read { db in
            try Int.fetchAll(
                db, sql: "SELECT number FROM document WHERE kind = 'incoming' AND substr(registerDate, 1, 4) = ? ORDER BY number",
                arguments: [String(year)])
        }
    }

    // MARK: The journal, through the sqlite3 shell

    @Test func journalVerifyCatchesEditsMadeWithTheSqlite3Shell() throws {
        let sqlite3 = try #require(Self.sqlite3, "the sqlite3 shell is installed by make test (apt-get install sqlite3)")
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        for summary in ["Kết quả triển khai", "Kế hoạch tuyên truyền"] {
            _ = try cli.ok(["incoming", "add", "--issuer", "Huyện ủy Đăk Hà", "--summary", summary, "--received", "24/8/2021", "--type", "BC"])
        }
        _ = try cli.ok(["route", "den/2021/1", "--lead", "Phòng Tuyên truyền", "--due", "15/9/2021", "--date", "24/8/2021"])
        #expect(try cli.ok(["journal", "verify"]).contains("Nhật ký toàn vẹn: 5 dòng, 2 văn bản khớp"))

        // A document edited with the shell: the FTS triggers keep the index in step, the seal does not.
        let edit = try cli.run([cli.databasePath, "UPDATE document SET subject = 'Nội dung khác' WHERE number = 2;"], executable: sqlite3)
        #expect(edit.status == 0)
        let document = try cli.run(["journal", "verify"])
        #expect(document.status == 1 && document.stdout.contains("VĂN BẢN BỊ SỬA NGOÀI VANTHU: den/2021/2"))

        // A journal entry rewritten with the shell, its append-only trigger dropped first.
        let rewrite = try cli.run(
            [
                cli.databasePath,
                """
                DROP TRIGGER journal_is_append_only_update;
                UPDATE journal SET user = 'người khác' WHERE action = 'route';
                """,
            ], executable: sqlite3)
        #expect(rewrite.status == 0)
        let entry = try cli.run(["journal", "verify", "--json"])
        #expect(entry.status == 1)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(entry.stdout.utf8)) as? [String: Any])
        let broken = try #require(result["brokenLinks"] as? [[String: Any]])
        #expect(broken.count == 1 && broken.first?["action"] as? String == "route" && broken.first?["id"] as? Int == 5)
        let check = try cli.run(["check"], environment: ["VANTHU_LANG": "en"])
        #expect(
            check.status == 1 && check.stdout.contains("JOURNAL ALTERED: entry #5")
                && check.stdout.contains("DOCUMENT EDITED OUTSIDE VANTHU: den/2021/2"))
    }

    @Test func journalExportWritesTheEntriesOfAPeriod() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        _ = try cli.ok([
            "incoming", "add", "--issuer", "Huyện ủy Đăk Hà", "--summary", "Kết quả triển khai", "--received", "24/8/2021", "--type", "BC",
        ])
        _ = try cli.ok(["edit", "den/2021/1", "--summary", "Kết quả triển khai, đã sửa"])
        #expect(try cli.ok(["journal", "export", "-o", "nhat-ky.csv"]).contains("Đã ghi 4 dòng nhật ký"))
        let bytes = try Data(contentsOf: cli.folder.appendingPathComponent("nhat-ky.csv"))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))  // so that Excel reads it as UTF-8
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("Số TT,Thời điểm,Người thực hiện,Thao tác") == true)
        #expect(lines.count == 5 && csv.contains("subject: Kết quả triển khai → Kết quả triển khai, đã sửa"))
        let hashes = try #require(try cli.json(["journal"]) as? [[String: Any]]).compactMap { $0["hash"] as? String }
        #expect(hashes.count == 4 && hashes.allSatisfy { csv.contains($0) })
        #expect(try cli.ok(["journal", "export", "--from", "1/1/2000", "--to", "31/12/2099", "-o", "nhat-ky.xlsx"]).contains("4 dòng"))
        let xlsx = try Data(contentsOf: cli.folder.appendingPathComponent("nhat-ky.xlsx"))
        #expect(xlsx.prefix(2) == Data("PK".utf8))
        // With no period, the heading gives the entries' own first and last days, in that order
        // (the journal keeps the real clock; VANTHU_TODAY is years before it here), and each
        // entry's row is as tall as its changes (openpyxl reads the heights).
        _ = try cli.ok(["journal", "export", "-o", "tat-ca.xlsx"])
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            print(json.dumps({"period": ws["A3"].value, "heights": [ws.row_dimensions[r].height for r in range(6, ws.max_row + 1)]}))
            """
        let read = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try Process.output(
                        "/usr/bin/env",
                        [
                            ProcessInfo.processInfo.environment["VANTHU_PYTHON"] ?? "python3", "-c", script,
                            cli.folder.appendingPathComponent("tat-ca.xlsx").path,
                        ]
                    ).utf8)) as? [String: Any])
        let days = ((read["period"] as? String) ?? "").split(separator: " ").compactMap { word -> String? in
            let parts = word.split(separator: "/")
            return parts.count == 3 ? "\(parts[2])-\(parts[1])-\(parts[0])" : nil
        }
        #expect(days.count == 2 && days[0] <= days[1], "\(read)")
        let heights = (read["heights"] as? [Double]) ?? []
        #expect(heights.count == 4 && heights.allSatisfy { $0 > 15 } && heights.contains { $0 > 40 }, "\(heights)")
        let empty = try cli.run(["journal", "export", "--from", "1/1/2000", "--to", "31/12/2000", "-o", "trong.xlsx"])
        #expect(empty.status == 65 && !FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("trong.xlsx").path))
        #expect(empty.stderr.contains("Nhật ký không có dòng nào"))
        let wrong = try cli.run(["journal", "export", "-o", "nhat-ky.docx"])
        #expect(wrong.status != 0 && wrong.stderr.contains(".pdf hoặc .csv") && !wrong.stderr.contains("Usage"), "\(wrong.stderr)")
        let backwards = try cli.run(["journal", "export", "--from", "2/1/2021", "--to", "1/1/2021", "-o", "x.csv"])
        #expect(backwards.status == 65)
    }

    // MARK: Concurrency

    /// Eight clerks registering 250 documents each, while two others export and search.
    @Test(.tags(.stress)) func eightClerksAndTwoReadersAtOnce() throws {
        let each = Stress.size(quick: 30, full: 250)
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        let done = cli.folder.appendingPathComponent("writers-done").path
        let writers = try (1...8).map { clerk in
            try CLI.Script(
                """
                for i in $(seq 1 \(each)); do
                  "$VANTHU" incoming add --issuer "Cơ quan \(clerk)" --summary "Văn bản $i của văn thư \(clerk)" --type CV \
                    --received 20/8/2021 --user "clerk\(clerk)" >/dev/null || exit 1
                done
                """, cli: cli, name: "writer\(clerk)")
        }
        // The readers wait for the first number, then read until the writers are done.
        let readers = try [
            ("export", "\"$VANTHU\" export incoming-register --year 2021 -o so-den.xlsx --overwrite"),
            ("search", "\"$VANTHU\" search 'van ban' --incoming --limit 5"),
        ].map { name, command in
            try CLI.Script(
                """
                until "$VANTHU" show den/2021/1 >/dev/null 2>&1; do sleep 0.05; done
                rounds=0
                while [ ! -e '\(done)' ]; do \(command) >/dev/null || exit 1; rounds=$((rounds + 1)); done
                echo $rounds
                """, cli: cli, name: name)
        }
        for writer in writers {
            let (status, stderr) = writer.wait()
            #expect(status == 0, "\(stderr)")
        }
        FileManager.default.createFile(atPath: done, contents: nil)
        for reader in readers {
            let (status, stderr) = reader.wait()
            #expect(status == 0, "\(stderr)")
            let rounds = Int((try String(contentsOf: reader.output, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            #expect(rounds > 0)
        }
        #expect(try Self.incomingNumbers(cli, year: 2021) == Array(1...(8 * each)))
        #expect(try cli.ok(["check"]).contains("nhật ký toàn vẹn"))
    }

    // MARK: Crashes

    /// A bulk import or a run of registrations killed with SIGKILL at random moments (6; 20 under `make stress`): after
    /// each, the file is whole, the series has no gap and the journal verifies.
    @Test(.tags(.stress)) func killedTwentyTimesTheRegisterStaysWhole() throws {
        let rounds = Stress.size(quick: 6, full: 20)
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        var random = SplitMix(seed: 20_211_231)
        // How long an import takes on this machine and build: the kills fall within it.
        let started = Date()
        _ = try cli.ok(["import", "incoming", try Self.registerCSV(year: 1999, count: 1_000, in: cli.folder).path])
        let duration = Date().timeIntervalSince(started)
        var importedYears = [1999]
        for round in 0..<rounds {
            let delay = 0.02 + duration * Double(random.next() % 1_000) / 1_000
            let script: CLI.Script
            if round % 2 == 0 {
                let csv = try Self.registerCSV(year: 2000 + round, count: 1_000, in: cli.folder)
                script = try CLI.Script("exec \"$VANTHU\" import incoming '\(csv.path)' >/dev/null", cli: cli, name: "import\(round)")
            } else {
                script = try CLI.Script(
                    """
                    while true; do
                      "$VANTHU" incoming add --issuer "Huyện ủy Đăk Hà" --summary "Văn bản vòng \(round)" --type CV --received 20/8/2021 >/dev/null || exit 1
                    done
                    """, cli: cli, name: "loop\(round)")
            }
            Thread.sleep(forTimeInterval: delay)
            script.kill()
            let check = try cli.run(["check"])
            #expect(check.status == 0, "round \(round), killed after \(delay) s: \(check.stdout) \(check.stderr)")
            if round % 2 == 0 {
                let numbers = try Self.incomingNumbers(cli, year: 2000 + round)
                // An import is one transaction: all of it, or nothing.
                #expect(numbers.isEmpty || numbers == Array(1...1_000), "round \(round): \(numbers.count) numbers")
                if !numbers.isEmpty { importedYears.append(2000 + round) }
            }
        }
        let registrations = try Self.incomingNumbers(cli, year: 2021)
        #expect(registrations == Array(1...max(1, registrations.count)) || registrations.isEmpty)
        // Every number that exists was journaled, and nothing else was.
        let journal = try #require(try cli.json(["journal"]) as? [[String: Any]])
        #expect(journal.filter { $0["action"] as? String == "register" }.count == registrations.count)
        #expect(journal.filter { $0["action"] as? String == "import" }.count == importedYears.count)
        print(
            "crash test: an import takes \(duration) s; \(registrations.count) registrations and \(importedYears.count - 1) of \(rounds / 2) imports survived \(rounds) kills"
        )
    }

    // MARK: Full disk and read-only

    /// A file size limit (`ulimit -f`) reached in the middle of an import: a clear message, and
    /// the database as it was.
    @Test func aFileSizeLimitReachedMidImportChangesNothing() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        let csv = try Self.registerCSV(year: 2019, count: 5_000, in: cli.folder)
        let before = try cli.databaseBytes()
        let limited = try CLI.Script("ulimit -f 600; exec \"$VANTHU\" import incoming '\(csv.path)'", cli: cli, name: "limited").wait()
        #expect(limited.status == 74 && limited.stderr.contains("Đĩa đã đầy") && !limited.stderr.contains("SQLITE"))
        #expect(try cli.databaseBytes() == before)
        #expect(try cli.ok(["check"]).contains("Tốt"))
        #expect(try Self.incomingNumbers(cli, year: 2019).isEmpty)
    }

    /// A real full disk (a 2 MB tmpfs, where the machine lets root mount one) filling up during a
    /// run of registrations: every registration is whole or absent.
    @Test func aDiskThatFillsUpDuringRegistrations() throws {
        let cli = try CLI(today: "2021-12-31")
        let disk = cli.folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try cli.run(["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path], executable: "/bin/mount")
        guard mount.status == 0 else {
            // No mount here (not root, or a container without the capability): the ulimit test covers EFBIG.
            print("tmpfs not mountable here (\(mount.stderr.trimmingCharacters(in: .whitespacesAndNewlines))); full-disk test skipped")
            return
        }
        defer { _ = try? cli.run([disk.path], executable: "/bin/umount") }
        var full = cli
        full.environment["VANTHU_DB"] = disk.appendingPathComponent("vanthu.sqlite").path
        try full.initState()
        let filler = disk.appendingPathComponent("filler")
        // Leave about 300 KB free.
        let free = try #require((try FileManager.default.attributesOfFileSystem(forPath: disk.path)[.systemFreeSize] as? NSNumber)?.intValue)
        FileManager.default.createFile(atPath: filler.path, contents: Data(count: max(0, free - 300_000)))
        var registered = 0
        var failure: CLI.Result?
        for i in 1...2_000 {
            let result = try full.run([
                "incoming", "add", "--issuer", "Huyện ủy Đăk Hà", "--summary", "Văn bản \(i) " + String(repeating: "nội dung dài ", count: 36),
                "--type", "CV", "--received", "20/8/2021",
            ])
            guard result.status == 0 else {
                failure = result
                break
            }
            registered += 1
        }
        let stop = try #require(failure, "the disk never filled")
        #expect(stop.status == 74 && stop.stderr.contains("Đĩa đã đầy"))
        try FileManager.default.removeItem(at: filler)
        #expect(try full.ok(["check"]).contains("Tốt"))
        #expect(try Self.incomingNumbers(full, year: 2021) == Array(1...registered))
        print("full disk: \(registered) registrations before the disk filled")
    }

    /// A read-only file: writes refused with a message, reads and checks still work, bytes unchanged.
    @Test func aReadOnlyDatabaseIsReadCheckedAndNeverWritten() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        _ = try cli.ok(["incoming", "add", "--issuer", "Huyện ủy Đăk Hà", "--summary", "Kết quả", "--received", "24/8/2021", "--type", "BC"])
        _ = try cli.ok(["list", "incoming"])  // leaves no -wal behind once closed
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.databasePath)
        let before = try cli.databaseBytes()
        for command in [
            ["route", "den/2021/1", "--lead", "Văn phòng"], ["void", "den/2021/1", "--reason", "x"], ["edit", "den/2021/1", "--summary", "y"],
        ] {
            let result = try cli.run(command)
            #expect(result.status == 77 && result.stderr.contains("chỉ cho phép đọc"), "\(command)")
        }
        #expect(try cli.ok(["journal", "verify"]).contains("Nhật ký toàn vẹn"))
        #expect(try cli.ok(["check"]).contains("Tốt"))
        #expect(try cli.databaseBytes() == before)
    }

    // MARK: Bad files

    @Test func damagedOrForeignOrNewerFilesAreRefusedAndNeverOverwritten() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        for i in 1...50 {
            _ = try cli.ok(["incoming", "add", "--issuer", "Cơ quan", "--summary", "Văn bản \(i)", "--received", "24/8/2021", "--type", "CV"])
        }
        let whole = try cli.databaseBytes()

        // Cut in half.
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: cli.databasePath))
        let cut = try cli.databaseBytes()
        for command in [["list", "incoming"], ["check"], ["incoming", "add", "--issuer", "A", "--summary", "B", "--type", "CV"]] {
            let result = try cli.run(command)
            #expect(
                result.status != 0 && !result.stderr.isEmpty && !result.stderr.contains("Fatal") && !result.stderr.contains("SQLITE"),
                "\(command): \(result.stderr)")
        }
        #expect(try cli.databaseBytes() == cut)

        // Random bytes named .sqlite.
        var random = SplitMix(seed: 7)
        let noise = Data((0..<65_536).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        try noise.write(to: URL(fileURLWithPath: cli.databasePath))
        let foreign = try cli.run(["check"])
        #expect(foreign.status == 65 && foreign.stderr.contains("không phải cơ sở dữ liệu vanthu"))
        #expect(try cli.databaseBytes() == noise)

        // From a newer vanthu: read, never written.
        try whole.write(to: URL(fileURLWithPath: cli.databasePath))
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        try queue.close()
        let newer = try cli.databaseBytes()
        let write = try cli.run(["incoming", "add", "--issuer", "A", "--summary", "B", "--type", "CV"])
        #expect(write.status == 65 && write.stderr.contains("phiên bản vanthu mới hơn"))
        #expect(try cli.run(["list", "incoming"]).status == 0)
        #expect(try cli.databaseBytes() == newer)
    }
}

/// A small seeded generator: the same "random" moments on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
