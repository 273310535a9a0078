import CZlib
import Foundation
import VanThuCore

/// The members of a zip file (as XLSX workbooks are), read whole into memory: stored or
/// deflated members, each checked against its CRC-32. No ZIP64, no encryption.
struct ZipArchive {
    struct Entry {
        var name: String
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    let path: String
    let bytes: [UInt8]
    let entries: [String: Entry]

    /// The file could not be read as a workbook: the clerk's message, naming the file and why.
    static func damaged(_ path: String, _ reason: String) -> ImportError {
        ImportError.unreadableWorkbook(path: path, reason: reason)
    }

    /// `path` names the file in messages.
    init(bytes: [UInt8], path: String) throws {
        self.path = path
        self.bytes = bytes
        // End of central directory: signature 0x06054b50, in the last 64 kB + 22 bytes.
        guard bytes.count >= 22 else { throw Self.damaged(path, "too short") }
        var end = -1
        var i = bytes.count - 22
        while i >= max(0, bytes.count - 65_557) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { throw Self.damaged(path, "no central directory") }
        let count = Int(Self.u16(bytes, end + 10))
        var offset = Int(Self.u32(bytes, end + 16))
        var entries: [String: Entry] = [:]
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, Self.u32(bytes, offset) == 0x0201_4B50 else { throw Self.damaged(path, "bad central directory") }
            let nameLength = Int(Self.u16(bytes, offset + 28))
            let extraLength = Int(Self.u16(bytes, offset + 30))
            let commentLength = Int(Self.u16(bytes, offset + 32))
            guard offset + 46 + nameLength <= bytes.count else { throw Self.damaged(path, "bad central directory") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(
                name: name, method: Self.u16(bytes, offset + 10), crc32: Self.u32(bytes, offset + 16),
                compressedSize: Int(Self.u32(bytes, offset + 20)), size: Int(Self.u32(bytes, offset + 24)),
                localHeaderOffset: Int(Self.u32(bytes, offset + 42)))
            entries[name] = entry
            offset += 46 + nameLength + extraLength + commentLength
        }
        // Declared sizes are what the members inflate to (checked against the bytes later), so
        // a zip bomb is refused here, before anything is inflated.
        var declared = 0
        for entry in entries.values {
            guard entry.size <= Self.maximumMemberSize else {
                throw Self.damaged(path, "\(entry.name) unpacks to more than \(Self.maximumMemberSize >> 20) MB")
            }
            declared += entry.size
        }
        guard declared <= Self.maximumTotalSize else { throw Self.damaged(path, "the workbook unpacks to more than \(Self.maximumTotalSize >> 20) MB") }
        self.entries = entries
    }

    /// The largest member a workbook may unpack to: a sheet of a million register rows is
    /// about 200 MB of XML. Larger registers come in as CSV, read as a stream of text.
    static let maximumMemberSize = 256 << 20
    /// The largest a whole workbook may unpack to.
    static let maximumTotalSize = 512 << 20

    /// The uncompressed bytes of a member; nil when there is no such member.
    func data(_ name: String) throws -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x0403_4B50 else { throw Self.damaged(path, "bad local header for \(name)") }
        let start = header + 30 + Int(Self.u16(bytes, header + 26)) + Int(Self.u16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Self.damaged(path, "\(name) is cut short") }
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard entry.size == entry.compressedSize else { throw Self.damaged(path, "\(name) declares two sizes") }
            out = Array(bytes[start..<(start + entry.compressedSize)])
        case 8:
            // Deflate expands at most 1032:1; a larger declared size is a damaged (or hostile)
            // header, and trusting it would allocate gigabytes (found by `make fuzz`).
            guard entry.size <= entry.compressedSize * 1032 + 1024 else { throw Self.damaged(path, "\(name) declares an impossible size") }
            out = try Self.inflate(bytes, start: start, count: entry.compressedSize, size: entry.size, name: name, path: path)
        default: throw Self.damaged(path, "\(name) uses compression method \(entry.method)")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == entry.crc32, out.count == entry.size else { throw Self.damaged(path, "\(name) fails its checksum") }
        return out
    }

    private static func inflate(_ bytes: [UInt8], start: Int, count: Int, size: Int, name: String, path: String) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: max(size, 1))
        var stream = z_stream()
        guard vanthu_inflate_init_raw(&stream) == Z_OK else { throw Self.damaged(path, "zlib") }
        defer { inflateEnd(&stream) }
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + start })
                stream.avail_in = uInt(count)
                stream.next_out = output.baseAddress
                stream.avail_out = uInt(output.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END || (size == 0 && status == Z_BUF_ERROR) else { throw Self.damaged(path, "\(name) cannot be inflated") }
        return size == 0 ? [] : out
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16 }
}
