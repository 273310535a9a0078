import Foundation
import Testing

/// What `make fuzz` found stays found: every saved finding (fuzz/regressions/<target>/) and every
/// seed replayed through its parser, in a process limited to 1 GB of memory.
@Suite struct FuzzRegressionTests {
    static let replayer = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("VanThuFuzz").path

    @Test func everyFindingAndSeedReplaysCleanly() throws {
        let cli = try CLI()
        let folders = ["fuzz/regressions", "fuzz/seeds"].map { CLI.root.appendingPathComponent($0).path }
        let command = "ulimit -v 1000000; exec '\(Self.replayer)' " + folders.map { "'\($0)'" }.joined(separator: " ")
        let result = try cli.run(["-c", command], executable: "/bin/bash")
        #expect(result.status == 0, "\(result.stderr)")
        let replayed = Int(result.stdout.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(replayed >= 10)
    }

    /// The zip whose member declared 2 GB: a clear refusal from `vanthu import`, not an allocation.
    @Test func theZipThatDeclaredTwoGigabytesIsRefusedWithAMessage() throws {
        let cli = try CLI(today: "2021-12-31")
        try cli.initState()
        let finding = CLI.root.appendingPathComponent("fuzz/regressions/xlsx/zip-declares-2gb-member")
        let file = cli.folder.appendingPathComponent("so-den.xlsx")
        try FileManager.default.copyItem(at: finding, to: file)
        let before = try cli.databaseBytes()
        let result = try cli.run(
            ["-c", "ulimit -v 1000000; exec \"$VANTHU\" import incoming '\(file.path)'"], environment: ["VANTHU": CLI.binary], executable: "/bin/bash"
        )
        #expect(result.status == 65 && result.stderr.contains("so-den.xlsx"), "\(result.stderr)")
        #expect(try cli.databaseBytes() == before)
    }
}
