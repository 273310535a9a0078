import Foundation

/// Reads a document's text from a file, or from standard input for "-".
public enum IntakeSource {
    /// Larger files are refused: no document's text is this long.
    public static let maximumBytes = 64 << 20

    public static func read(_ path: String) throws -> Data {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maximumBytes else { throw IntakeError.tooLarge(path: path, megabytes: maximumBytes >> 20) }
            return data
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw IntakeError.fileNotFound(path: path) }
        if isFolder.boolValue { throw IntakeError.unreadable(path: path, reason: "là một thư mục / is a folder") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else { throw IntakeError.tooLarge(path: path, megabytes: maximumBytes >> 20) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IntakeError.unreadable(path: path, reason: "không có quyền đọc / permission denied")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw IntakeError.unreadable(path: path, reason: error.localizedDescription)
        }
    }
}
