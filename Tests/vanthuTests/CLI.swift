import Foundation
import VanThuTestSupport

/// Runs the built `vanthu` binary as a real process.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$VANTHU_BIN`, else the binary `swift build` put next to the test bundle, else `.build/debug/vanthu`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["VANTHU_BIN"] { return path }
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vanthu").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return root.appendingPathComponent(".build/debug/vanthu").path
    }()

    /// The temporary folder, removed when the last copy of this CLI is gone.
    final class Scratch: Sendable {
        let url: URL
        init() throws {
            url = try TemporaryFolder.make("cli")
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    private let scratch: Scratch
    var folder: URL { scratch.url }
    var environment: [String: String]

    /// A CLI working in a new temporary folder, with a fixed "today" and Vietnamese messages.
    init(today: String = "2021-08-25") throws {
        scratch = try Scratch()
        let folder = scratch.url
        var environment = ProcessInfo.processInfo.environment
        environment["VANTHU_TODAY"] = today
        environment["VANTHU_USER"] = "văn thư"
        environment["COLUMNS"] = nil
        environment["VANTHU_LANG"] = nil
        // Vietnamese unless a test asks otherwise, whatever the machine's locale; and a home of
        // its own, so no configuration file of the machine's user is read.
        for name in ["LC_ALL", "LC_MESSAGES"] { environment[name] = nil }
        environment["LANG"] = "C.UTF-8"
        environment["HOME"] = folder.path
        for name in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"] { environment[name] = nil }
        environment["VANTHU_DB"] = folder.appendingPathComponent("vanthu.sqlite").path
        self.environment = environment
    }

    var databasePath: String { environment["VANTHU_DB"] ?? "" }

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:], input: Data? = nil, executable: String = CLI.binary) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment.merging(extra) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        // Both pipes drained at once: a child that fills one while the other is read would block.
        let errors = ErrorsReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Reads a pipe to its end on another thread.
    final class ErrorsReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }

    /// A bash script started in the background, in its own session (so that it and its children
    /// can be killed together), its output in files; `$VANTHU` is the binary.
    final class Script {
        let process = Process()
        let output: URL
        let errors: URL
        let pidFile: URL

        init(_ script: String, cli: CLI, name: String, environment extra: [String: String] = [:]) throws {
            output = cli.folder.appendingPathComponent("\(name).out")
            errors = cli.folder.appendingPathComponent("\(name).err")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            pidFile = cli.folder.appendingPathComponent("\(name).pid")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["-w", "/bin/bash", "-c", "echo $$ > '\(pidFile.path)'; " + script]
            process.currentDirectoryURL = cli.folder
            process.environment = cli.environment.merging(extra.merging(["VANTHU": CLI.binary]) { a, _ in a }) { $1 }
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
        }

        /// Waits, and gives the exit status and what the script wrote to stderr.
        func wait() -> (status: Int32, stderr: String) {
            process.waitUntilExit()
            return (process.terminationStatus, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
        }

        /// SIGKILL to the script and everything it started.
        func kill() {
            // The shell leads its own session and process group (setsid), whose id is its pid.
            var shell: Int32?
            for _ in 0..<200 where shell == nil {
                shell = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
                if shell == nil { usleep(10_000) }
            }
            if let shell { _ = Foundation.kill(-shell, SIGKILL) }
            process.waitUntilExit()
        }
    }

    /// Runs and returns stdout, failing with stderr when the exit code is not 0.
    func ok(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        guard result.status == 0 else {
            throw Failure(message: "vanthu \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    func json(_ arguments: [String]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try ok(arguments + ["--json"]).utf8))
    }

    func initState() throws {
        _ = try ok([
            "init", "--org", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "--org-code", "STTTT", "--parent", "UBND TỈNH KON TUM", "--place", "Kon Tum", "--style",
            "state",
        ])
    }

    /// A command that is refused: its exit status and the error's code (`registry.duplicateDocument`),
    /// read from the JSON line `VANTHU_ERRORS=json` makes the binary write: tests check which
    /// error it was without depending on the wording. `code` is nil when stderr was not that
    /// one line (a crash, an argument-parser usage error).
    func refusal(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, code: String?, stdout: String) {
        let result = try run(arguments, environment: extra.merging(["VANTHU_ERRORS": "json"]) { $1 })
        let lines = result.stderr.split(separator: "\n")
        guard lines.count == 1, let object = try? JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any],
            let code = object["code"] as? String, (object["exitCode"] as? Int).map(Int32.init) == result.status
        else { return (result.status, nil, result.stdout) }
        return (result.status, code, result.stdout)
    }

    /// The database file's bytes, to prove a failed command changed nothing.
    func databaseBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: databasePath)) }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
