public import Foundation

/// A program a test runs exited non-zero; its standard error's last lines say why.
public struct ProgramFailed: Error, CustomStringConvertible {
    public var program: String
    public var status: Int32
    public var errors: String = ""
    public var description: String { "\(program) exited \(status)" + (errors.isEmpty ? "" : ":\n\(errors)") }
}

extension Process {
    /// The standard output of a program run to its end; throws when it exits non-zero, with the
    /// last 4,000 characters of its standard error (kept in a file so that neither pipe can fill).
    public static func output(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        let errorsFile = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errorsFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorsFile) }
        process.standardError = try FileHandle(forWritingTo: errorsFile)
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errors = String(decoding: (try? Data(contentsOf: errorsFile)) ?? Data(), as: UTF8.self)
            throw ProgramFailed(program: arguments.first ?? executable, status: process.terminationStatus, errors: String(errors.suffix(4000)))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
