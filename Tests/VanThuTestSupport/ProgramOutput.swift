public import Foundation

/// A program a test runs exited non-zero.
public struct ProgramFailed: Error, CustomStringConvertible {
    public var program: String
    public var status: Int32
    public var description: String { "\(program) exited \(status)" }
}

extension Process {
    /// The standard output of a program run to its end (its standard error discarded); throws
    /// when it exits non-zero.
    public static func output(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProgramFailed(program: arguments.first ?? executable, status: process.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
