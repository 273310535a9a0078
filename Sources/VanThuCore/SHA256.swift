import Crypto
public import Foundation

/// SHA-256 fed in pieces, for the checksums of stored originals and the journal's chain and
/// seals: swift-crypto's (BoringSSL's assembly on Linux). It replaced a hand-written one that
/// hashed 165 MB/s against swift-crypto's 1,400 MB/s on this machine; `journal verify` hashes
/// every sealed row.
///
/// Small pieces are gathered in a buffer and handed over 4 kB at a time: the journal's seals feed
/// a tag, a length and a value per column, and each call into swift-crypto cost more than the
/// hashing of its few bytes (its `update` 20 % of `journal verify`'s samples, BoringSSL's
/// compression 13 %). The digest is the same: SHA-256 does not see how its input was cut.
public struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()
    /// The first `pendingCount` bytes wait for the hasher. Allocated at its full size (not
    /// zeroed: only bytes copied in are read) and copied into with memcpy: growing it with
    /// `append(contentsOf:)` was 4.8 % of `journal verify`'s samples.
    private var pending = [UInt8](unsafeUninitializedCapacity: chunk) { _, count in count = chunk }
    private var pendingCount = 0
    private static let chunk = 4096

    public init() {}

    public mutating func update(_ data: some DataProtocol) {
        if data.count < Self.chunk, data.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) != nil { return }
        flush()
        hasher.update(data: data)
    }

    /// Raw bytes, copied into the buffer when they are small.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        if pendingCount + bytes.count > Self.chunk {
            flush()
            if bytes.count >= Self.chunk { return hasher.update(bufferPointer: bytes) }
        }
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let at = pendingCount
        pending.withUnsafeMutableBytes { buffer in
            // In bounds: at + bytes.count <= chunk, checked above.
            (buffer.baseAddress.unsafelyUnwrapped + at).copyMemory(from: source, byteCount: bytes.count)
        }
        pendingCount += bytes.count
    }

    /// A tag byte and, when given, a number's 8 bytes big-endian: the head of each value the
    /// journal hashes, written into the buffer without a copy (a call of `update(_:)` per head
    /// was 9 % of `journal verify`'s CPU time).
    mutating func update(tag: UInt8, bigEndian number: UInt64? = nil) {
        let size = number == nil ? 1 : 9
        if pendingCount + size > Self.chunk { flush() }
        let at = pendingCount
        pending.withUnsafeMutableBytes { buffer in
            buffer[at] = tag
            if let number { buffer.storeBytes(of: number.bigEndian, toByteOffset: at + 1, as: UInt64.self) }
        }
        pendingCount += size
    }

    private mutating func flush() {
        guard pendingCount > 0 else { return }
        let count = pendingCount
        pending.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        pendingCount = 0
    }

    /// The 32 bytes of the digest.
    public mutating func finalize() -> [UInt8] {
        flush()
        return Array(hasher.finalize())
    }

    /// The digest as 64 lowercase hex digits.
    public mutating func finalizeHex() -> String {
        SHA256.hex(bytes: finalize())
    }

    /// Bytes as lowercase hex digits.
    public static func hex(bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hex(of data: some DataProtocol) -> String {
        var hash = SHA256()
        hash.update(data)
        return hash.finalizeHex()
    }
}
