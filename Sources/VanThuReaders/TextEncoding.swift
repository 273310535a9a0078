public import Foundation
import VanThuCore

#if canImport(Glibc)
import Glibc
#endif

/// The encodings CSV files come in from Vietnamese offices: UTF-8 (Excel's "CSV UTF-8"),
/// UTF-16 ("Unicode Text") and Windows-1258 (plain "CSV" on a Vietnamese Windows).
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1258 = "windows-1258"

    /// Reads `--encoding`: utf-8, utf8, utf-16, unicode, windows-1258, cp1258, 1258.
    public init(name: String) throws {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "unicode", "utf-16le": self = .utf16
        case "windows-1258", "cp1258", "1258", "win-1258", "windows1258": self = .windows1258
        default: throw ImportError.unknownEncoding(name)
        }
    }

    /// Decodes a text file, NFC: a byte-order mark decides, else the named encoding, else
    /// UTF-8 when the bytes are valid UTF-8, UTF-16 when every other byte is zero, else
    /// Windows-1258.
    public static func decode(_ data: Data, encoding: TextEncoding?, path: String) throws -> String {
        let bytes = [UInt8](data.prefix(3))
        var text: String?
        var used = encoding ?? .utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = String(data: data.dropFirst(3), encoding: .utf8)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            used = .utf16
            text = String(data: data.dropFirst(2), encoding: .utf16LittleEndian)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            used = .utf16
            text = String(data: data.dropFirst(2), encoding: .utf16BigEndian)
        } else if let encoding {
            text = decode(data, as: encoding)
        } else if let utf8 = String(data: data, encoding: .utf8) {
            text = utf8
        } else if looksLikeUTF16(data) {
            used = .utf16
            text = String(data: data, encoding: .utf16LittleEndian)
        } else {
            used = .windows1258
            text = windows1258(data)
        }
        guard let text else { throw ImportError.undecodableText(path: path, encoding: used.rawValue) }
        return text.precomposedStringWithCanonicalMapping
    }

    private static func decode(_ data: Data, as encoding: TextEncoding) -> String? {
        switch encoding {
        case .utf8: String(data: data, encoding: .utf8)
        case .utf16: String(data: data, encoding: .utf16LittleEndian)
        case .windows1258: windows1258(data)
        }
    }

    private static func looksLikeUTF16(_ data: Data) -> Bool {
        let sample = data.prefix(400)
        guard sample.count >= 4 else { return false }
        // Little-endian UTF-16 of mostly Latin text: at least half the high (odd) bytes are zero.
        let zeroHighBytes = stride(from: 1, to: sample.count, by: 2).filter { sample[sample.startIndex + $0] == 0 }.count
        return zeroHighBytes * 4 >= sample.count
    }

    /// Windows-1258 through the C library's iconv, which also joins the separate tone marks
    /// (the code page stores "ế" as "ê" + combining acute).
    static func windows1258(_ data: Data) -> String? {
        let converter = iconv_open("UTF-8", "WINDOWS-1258")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let capacity = output.count
        let written: Int? = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = capacity
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : capacity - outLeft
            }
        }
        guard let written else { return nil }
        return String(decoding: output.prefix(written), as: UTF8.self)
    }
}
