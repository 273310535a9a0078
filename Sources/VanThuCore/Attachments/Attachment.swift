import GRDB

/// A file kept with a document (the scanned original, the signed PDF): its name, size, type and
/// SHA-256, the key of its content in the ``ContentStore``.
public struct Attachment: Equatable, Sendable, Encodable {
    public var id: Int64
    public var reference: String
    public var name: String
    public var size: Int64
    public var mediaType: String
    public var sha256: String
    public var addedAt: String
    public var addedBy: String
}
