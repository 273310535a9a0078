import Foundation
import Testing
import VanThuTestSupport

/// The module boundaries CI keeps (scripts/check-boundaries.sh): the real tree passes, and a
/// planted import in the wrong module fails with the file named.
@Suite struct BoundaryTests {
    static let script = CLI.root.appendingPathComponent("scripts/check-boundaries.sh").path

    @Test func theTreeKeepsItsBoundaries() throws {
        let result = try CLI().run([Self.script], executable: "/bin/bash")
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// poppler-glib and Tesseract are opened when a PDF or a scan is read, not at every start
    /// (together they were most of the start-up), and libxml2 (with ICU) when an envelope's
    /// signature is checked: the dynamic loader's own log of a command that reads no file names
    /// none of them, one that reads a PDF names poppler, one that receives an envelope libxml2.
    @Test func theHeavyReadersLoadOnlyWhenAFileIsRead() throws {
        let cli = try CLI()
        try cli.initState()
        let start = try cli.run(["--version"], environment: ["LD_DEBUG": "files"])
        #expect(start.status == 0 && start.stderr.contains("libsqlite3"), "the loader's log: \(start.stderr.prefix(300))")
        #expect(!start.stderr.contains("libpoppler") && !start.stderr.contains("libtesseract") && !start.stderr.contains("libxml2"))
        let pdf = CLI.root.appendingPathComponent("samples/cong-van-ky-so.pdf").path
        let reading = try cli.run(["intake", pdf], environment: ["LD_DEBUG": "files"])
        #expect(reading.status == 0 && reading.stderr.contains("libpoppler-glib"))
        #expect(reading.stdout.contains("215/SNV-VP"))
        let outbox = cli.folder.appendingPathComponent("outbox")
        try FileManager.default.createDirectory(at: outbox, withIntermediateDirectories: true)
        let envelope = CLI.root.appendingPathComponent("Tests/vanthuTests/Fixtures/edxml/new-document.edxml").path
        let receiving = try cli.run(["edxml", "receive", envelope, "--outbox", outbox.path, "--number", "74"], environment: ["LD_DEBUG": "files"])
        #expect(receiving.status == 0 && receiving.stderr.contains("libxml2"), "\(receiving.stdout)")
    }

    @Test(arguments: [
        ("Sources/vanthu/Planted.swift", "import GRDB\n"),
        ("Sources/VanThuIntake/Planted.swift", "let sql = \"SELECT * FROM document\"\n"),
        ("Sources/VanThuXLSX/Planted.swift", "import CXLSXWriter\n"),
        ("Sources/VanThuCore/Planted.swift", "import ZIPFoundation\n"),
        ("Sources/VanThuReaders/Planted.swift", "import VanThuXLSX\n"),
    ])
    func aPlantedImportFails(path: String, text: String) throws {
        let tree = try TemporaryFolder.make("boundaries")
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.script, toPath: tree.appendingPathComponent("scripts/check-boundaries.sh").path)
        let planted = tree.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: planted.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: planted, atomically: true, encoding: .utf8)
        let result = try CLI().run([tree.appendingPathComponent("scripts/check-boundaries.sh").path], executable: "/bin/bash")
        #expect(result.status == 1)
        #expect(result.stderr.contains(path), "\(result.stderr)")
    }
}
