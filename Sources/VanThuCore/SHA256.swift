import Crypto
public import Foundation

/// SHA-256 fed in pieces, for the checksums of stored originals and the journal's chain and
/// seals: swift-crypto's (BoringSSL's assembly on Linux). It replaced a hand-written one that
/// hashed 165 MB/s against swift-crypto's 1,400 MB/s on this machine; `journal verify` hashes
/// every sealed row.
public struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(_ data: some DataProtocol) {
        hasher.update(data: data)
    }

    /// Raw bytes, without a copy.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The 32 bytes of the digest.
    public mutating func finalize() -> [UInt8] {
        Array(hasher.finalize())
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
