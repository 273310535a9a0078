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
    private var pending: [UInt8] = []
    private static let chunk = 4096

    public init() {}

    public mutating func update(_ data: some DataProtocol) {
        if data.count < Self.chunk, data.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) != nil { return }
        flush()
        hasher.update(data: data)
    }

    /// Raw bytes, copied into the buffer when they are small.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        if pending.count + bytes.count > Self.chunk {
            flush()
            if bytes.count >= Self.chunk { return hasher.update(bufferPointer: bytes) }
        }
        if pending.capacity == 0 { pending.reserveCapacity(Self.chunk) }
        pending.append(contentsOf: bytes)
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        pending.removeAll(keepingCapacity: true)
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
