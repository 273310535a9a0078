public import Foundation
import VanThuCore

/// Reads a document's text from a file, or from standard input for "-".
public enum IntakeSource {
    /// Larger files are refused: no document's text is this long.
    public static let maximumBytes = 64 << 20

    public static func read(_ path: String) throws -> Data {
        let data = try bytes(path)
        guard looksLikeText(data) else { throw IntakeError.notText(path: path) }
        return data
    }

    /// Text, not a PDF, a zip (DOCX) or other binary: no NUL byte in the first 8 kB unless the
    /// file is UTF-16 with its BOM.
    static func looksLikeText(_ data: Data) -> Bool {
        let head = data.prefix(8192)
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        if head.starts(with: Array("%PDF".utf8)) || head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return false }
        return !head.contains(0)
    }

    /// The file's bytes, whatever they are (a PDF, a Word file, text), within ``maximumBytes``.
    public static func bytes(_ path: String) throws -> Data {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maximumBytes else { throw IntakeError.tooLarge(path: path, megabytes: maximumBytes >> 20) }
            return data
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw IntakeError.fileNotFound(path: path) }
        if isFolder.boolValue { throw IntakeError.isFolder(path: path) }
        // A FIFO or a device would block the read or never end.
        guard ContentStore.isRegularFile(path) else {
            throw IntakeError.unreadable(
                path: path,
                reason: Bilingual(vi: "không phải tệp thường (FIFO, thiết bị hay socket)", en: "not a regular file (a FIFO, device or socket)"))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else { throw IntakeError.tooLarge(path: path, megabytes: maximumBytes >> 20) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IntakeError.unreadable(path: path, reason: Bilingual(vi: "không có quyền đọc", en: "permission denied"))
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw IntakeError.unreadable(path: path, reason: FileWriting.reason(error))
        }
    }
}
