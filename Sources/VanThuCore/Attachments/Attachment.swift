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
    public var role: Role = .attachment
    /// What checking its signatures found when it was stored (a PDF); nil for other files.
    public var signatures: [SignatureCheck]? = nil

    /// What the file is to its document.
    public enum Role: String, Sendable, Encodable, CaseIterable {
        /// Bản gốc điện tử: the file as it was received, bytes unchanged.
        case original
        /// A working copy vanthu drew the ĐẾN stamp on, beside the untouched original.
        case rendition
        /// Any other file kept with the document.
        case attachment
    }
}
