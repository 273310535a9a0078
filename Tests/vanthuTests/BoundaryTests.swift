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
