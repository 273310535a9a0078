import Foundation
import Testing
import VanThuTestSupport

/// `vanthu serve` as a real process: the main path in headless Chromium (selenium), and the
/// server and command-line clerks numbering the same file at once.
struct WebServerTests {
    static let password = "mat-khau-kiem-thu"
    static let python = ProcessInfo.processInfo.environment["VANTHU_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    /// Where the screenshots are kept after the run, to be looked at.
    static let artifacts = CLI.root.appendingPathComponent(".build/test-artifacts/web")

    /// A registry with an account per role, and the server on a free loopback port.
    static func start(_ cli: CLI, arguments: [String] = []) throws -> (server: CLI.Script, address: String) {
        _ = try cli.ok(["init", "--org", "SỞ TÀI CHÍNH", "--org-code", "STC", "--parent", "UBND TỈNH KON TUM", "--place", "Kon Tum"])
        for (name, role, unit) in [
            ("vanthu", "van-thu", ""), ("giamdoc", "lanh-dao", ""), ("cv.tochuc", "chuyen-vien", "Phòng Tổ chức"), ("quantri", "quan-tri", ""),
        ] {
            let result = try cli.run(
                ["user", "add", name, "--role", role, "--password-stdin"] + (unit.isEmpty ? [] : ["--unit", unit]), input: Data("\(password)\n".utf8))
            #expect(result.status == 0, "\(result.stderr)")
        }
        let server = try CLI.Script("exec \"$VANTHU\" serve --listen 127.0.0.1:0 \(arguments.joined(separator: " "))", cli: cli, name: "serve")
        for _ in 0..<600 {
            let log = (try? String(contentsOf: server.errors, encoding: .utf8)) ?? ""
            if let match = log.firstMatch(of: #/http://127\.0\.0\.1:\d+/#) { return (server, String(match.0)) }
            usleep(50_000)
        }
        server.kill()
        throw CLI.Failure(message: "the server did not start: \((try? String(contentsOf: server.errors, encoding: .utf8)) ?? "")")
    }

    @Test(.enabled(if: python != nil && chromium, "needs VANTHU_PYTHON with selenium and Debian's chromium (make test installs both)"))
    func theMainPathInABrowser() throws {
        let cli = try CLI(today: "2026-12-01")
        let (server, address) = try Self.start(cli)
        defer { server.kill() }
        try? FileManager.default.removeItem(at: Self.artifacts)
        let output = try Process.output(
            try #require(Self.python),
            [
                CLI.root.appendingPathComponent("scripts/browser-test.py").path, address,
                CLI.root.appendingPathComponent("samples/cong-van-ky-so.pdf").path,
                Self.artifacts.path, Self.password,
            ])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let seen = try #require(result["seen"] as? [String: Any])
        #expect(result["reference"] as? String == "den/2026/1")
        #expect(seen["nextNumber"] as? String == "1")
        #expect(seen["notation"] as? String == "215/SNV-VP")
        #expect((seen["stamp"] as? String)?.contains("Số: 1") == true)
        for step in ["leaderInbox", "routed", "officerInbox", "progress", "done", "listed", "users"] {
            #expect(seen[step] as? Bool == true, "\(step)")
        }
        #expect(seen["status"] as? String == "Đã giải quyết")
        // The command line reads what the web wrote, on the same file, while the server runs.
        let shown = try #require(try cli.json(["show", "den/2026/1"]) as? [String: Any])
        #expect(shown["status"] as? String == "done")
        #expect((shown["toPlaces"] as? [String])?.first == "Phòng Tổ chức")
        let report = try #require(try cli.json(["report", "--year", "2026"]) as? [String: Any])
        #expect(((report["total"] as? [String: Any])?["doneOnTime"] as? Int) == 1, "\(report)")
        let screenshots = try FileManager.default.contentsOfDirectory(atPath: Self.artifacts.path).filter { $0.hasSuffix(".png") }
        #expect(screenshots.count == 13)
        #expect(try cli.run(["journal", "verify"]).status == 0)
    }

    @Test func theServerAndTheCommandLineNumberTheSameFileWithoutGaps() throws {
        let cli = try CLI(today: "2026-12-01")
        // Plain HTTP on the LAN: curl keeps Secure cookies for HTTPS only.
        let (server, address) = try Self.start(cli, arguments: ["--http"])
        defer { server.kill() }
        let perClerk = 15
        // Two browsers registering through the server, two clerks at the terminal, at once.
        let web = (1...2).map { clerk in
            """
            jar=web\(clerk).jar
            token() { grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//'; }
            csrf=$(curl -s -c $jar -b $jar \(address)/login | token)
            curl -s -o /dev/null -c $jar -b $jar --data-urlencode "csrf=$csrf" --data-urlencode username=vanthu --data-urlencode 'password=\(Self.password)' \(address)/login
            csrf=$(curl -s -c $jar -b $jar \(address)/register | token)
            for i in $(seq \(perClerk)); do
              code=$(curl -s -o /dev/null -w '%{http_code}' -c $jar -b $jar --data-urlencode "csrf=$csrf" --data-urlencode "issuer=Sở Nội vụ" \\
                --data-urlencode "notation=$i/W\(clerk)-SNV" --data-urlencode "summary=Văn bản web \(clerk) số $i" \(address)/register)
              [ "$code" = 303 ] || { echo "web \(clerk): $code" >&2; exit 1; }
            done
            """
        }
        let terminal = (1...2).map { clerk in
            """
            for i in $(seq \(perClerk)); do
              "$VANTHU" incoming add --issuer "Sở Tài nguyên" --symbol "$i/T\(clerk)-STNMT" --summary "Văn bản dòng lệnh \(clerk) số $i" > /dev/null || exit 1
            done
            """
        }
        let scripts = try (web + terminal).enumerated().map { index, script in try CLI.Script(script, cli: cli, name: "clerk\(index)") }
        for script in scripts {
            let (status, stderr) = script.wait()
            #expect(status == 0, "\(stderr)")
            #expect(!stderr.contains("locked"))
        }
        let listed = try #require(try cli.json(["list", "incoming"]) as? [[String: Any]])
        let numbers = listed.compactMap { $0["arrivalNumber"] as? Int }.sorted()
        #expect(numbers == Array(1...(4 * perClerk)))
        #expect(Set(listed.compactMap { $0["registeredBy"] as? String }) == ["vanthu", "văn thư"])
        #expect(try cli.run(["journal", "verify"]).status == 0)
    }
}
