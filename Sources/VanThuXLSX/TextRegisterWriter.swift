import Foundation
import VanThuCore

/// The CSV and JSON forms of a register, for other tools.
enum TextRegisterWriter {
    /// UTF-8 with a byte-order mark (so Excel reads the Vietnamese right), headings first, dates
    /// `dd/mm/yyyy`, RFC 4180 quoting.
    static func csv<Entry: RegisterEntry>(_ context: SheetContext, to path: String, rows: RegisterRows<Entry>) throws {
        let out = try BufferedFile(path: path)
        try out.write("\u{FEFF}" + context.layout.columns.map { quoted($0.heading) }.joined(separator: ",") + "\r\n")
        try rows { entry in
            try out.write(context.layout.columns.map { quoted(entry.value(of: $0.field).text) }.joined(separator: ",") + "\r\n")
        }
        try out.close()
    }

    /// A JSON array of the documents, with the same field names as `--json`.
    static func json<Entry: RegisterEntry>(_ context: SheetContext, to path: String, rows: RegisterRows<Entry>) throws {
        let out = try BufferedFile(path: path)
        var first = true
        try out.write("[")
        try rows { entry in
            try out.write((first ? "\n" : ",\n") + entry.compactJSON)
            first = false
        }
        try out.write("\n]\n")
        try out.close()
    }

    static func quoted(_ field: String) -> String { CSVSafety.field(field) }
}

/// A file written in 64 KB chunks.
final class BufferedFile {
    private let handle: FileHandle
    private let path: String
    private var buffer = Data()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ExportError.cannotWrite(path: path, reason: FileWriting.reason(errno: errno))
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ExportError.cannotWrite(path: path, reason: FileWriting.reason(errno: errno))
        }
        self.handle = handle
        self.path = path
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 65_536 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw ExportError.cannotWrite(path: path, reason: FileWriting.reason(error))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
