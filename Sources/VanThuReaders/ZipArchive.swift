import Foundation
import VanThuCore
import ZIPFoundation

/// The members of a zip file (as XLSX workbooks are), read through ZIPFoundation with the bounds
/// a hostile file needs: the declared sizes are checked before anything is inflated, no member
/// may inflate past its declared size, and every member is checked against its CRC-32.
struct ZipArchive {
    let path: String
    private let archive: Archive
    private let entries: [String: Entry]

    /// The file could not be read as a workbook: the clerk's message, naming the file and why.
    static func damaged(_ path: String, _ vi: String, _ en: String) -> ImportError {
        ImportError.unreadableWorkbook(path: path, reason: Bilingual(vi: vi, en: en))
    }

    /// `path` names the file in messages.
    init(bytes: [UInt8], path: String) throws {
        self.path = path
        guard bytes.count >= 22 else { throw Self.damaged(path, "tệp quá ngắn", "too short") }
        // Read from a file, not through `Archive(data:)`: ZIPFoundation's in-memory file lets a
        // damaged offset seek past the end and then traps on a negative range (found by
        // `make fuzz` within 30 s); reads past the end of a real file just return nothing.
        // The copy is owner-only and unlinked at once: the open handle keeps it readable.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-zip-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: copy.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw Self.damaged(path, "không còn chỗ cho bản sao tạm", "no room for a temporary copy")
        }
        defer { try? FileManager.default.removeItem(at: copy) }
        do {
            archive = try Archive(url: copy, accessMode: .read)
        } catch {
            throw Self.damaged(path, "không có mục lục của tệp nén", "no central directory")
        }
        var entries: [String: Entry] = [:]
        // Declared sizes are what the members inflate to (enforced while inflating), so a zip
        // bomb is refused here, before anything is inflated.
        var declared: UInt64 = 0
        for entry in archive {
            guard entry.uncompressedSize <= UInt64(Self.maximumMemberSize) else {
                throw Self.damaged(
                    path, "\(entry.path) giải nén ra hơn \(Self.maximumMemberSize >> 20) MB",
                    "\(entry.path) unpacks to more than \(Self.maximumMemberSize >> 20) MB")
            }
            declared += entry.uncompressedSize
            entries[entry.path] = entry
        }
        guard declared <= UInt64(Self.maximumTotalSize) else {
            throw Self.damaged(
                path, "tệp giải nén ra hơn \(Self.maximumTotalSize >> 20) MB", "the workbook unpacks to more than \(Self.maximumTotalSize >> 20) MB")
        }
        self.entries = entries
    }

    /// The largest member a workbook may unpack to: a sheet of a million register rows is
    /// about 200 MB of XML. Larger registers come in as CSV, read as a stream of text.
    static let maximumMemberSize = 256 << 20
    /// The largest a whole workbook may unpack to.
    static let maximumTotalSize = 512 << 20

    /// Thrown from inside the consumer when a member inflates past what it declared.
    private struct Overflow: Error {}

    /// The members' names, sorted.
    var memberNames: [String] { entries.keys.sorted() }

    /// The uncompressed bytes of a member; nil when there is no such member.
    func data(_ name: String) throws -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let size = Int(entry.uncompressedSize)
        // Deflate expands at most 1032:1; a larger declared size is a damaged (or hostile)
        // header, and trusting it would allocate gigabytes (found by `make fuzz`).
        if entry.isCompressed, entry.uncompressedSize > entry.compressedSize * 1032 + 1024 {
            throw Self.damaged(path, "\(name) khai kích thước không thể có", "\(name) declares an impossible size")
        }
        var out: [UInt8] = []
        out.reserveCapacity(size)
        // 1 MB chunks, not ZIPFoundation's 16 kB: a 50,000-row register imported from XLSX took
        // about 20 % longer than with the old zip reader with the default (same machine, runs
        // interleaved), about 3–5 % with these.
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: false) { chunk in
                guard out.count + chunk.count <= size else { throw Overflow() }
                out.append(contentsOf: chunk)
            }
        } catch is Overflow {
            throw Self.damaged(path, "\(name) sai mã kiểm tra", "\(name) fails its checksum")
        } catch {
            throw ImportError.unreadableWorkbook(path: path, reason: Self.reason(error, name: name))
        }
        guard out.count == size else { throw Self.damaged(path, "\(name) sai mã kiểm tra", "\(name) fails its checksum") }
        return out
    }

    private static func reason(_ error: any Error, name: String) -> Bilingual {
        switch error {
        case Archive.ArchiveError.invalidCRC32: Bilingual(vi: "\(name) sai mã kiểm tra", en: "\(name) fails its checksum")
        case Archive.ArchiveError.invalidCompressionMethod:
            Bilingual(vi: "\(name) nén theo cách không biết", en: "\(name) uses an unknown compression method")
        case Archive.ArchiveError.invalidLocalHeaderDataOffset, Archive.ArchiveError.invalidLocalHeaderSize:
            Bilingual(vi: "phần đầu của \(name) hỏng", en: "bad local header for \(name)")
        default: Bilingual(vi: "không giải nén được \(name)", en: "\(name) cannot be inflated")
        }
    }
}
