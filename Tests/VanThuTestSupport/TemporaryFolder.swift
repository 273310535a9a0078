public import Foundation
import Testing

/// Folders for one test run, all under one run folder that is removed when the test process
/// exits: a run leaves nothing in the system's temporary folder, and a failed test's files stay
/// readable until then (set `VANTHU_KEEP_TEST_FILES=1` to keep them after the run).
public enum TemporaryFolder {
    /// `vanthu-tests-<pid>` under the system's temporary folder, made on first use.
    public static let runFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["VANTHU_KEEP_TEST_FILES"] == nil {
            atexit { try? FileManager.default.removeItem(at: TemporaryFolder.runFolder) }
        }
        return url
    }()

    /// A new empty folder inside the run folder; `prefix` says which test made it.
    public static func make(_ prefix: String = "test") throws -> URL {
        let url = runFolder.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
