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

/// What `vanthu verify` found: the database's own checks and every stored file's.
public struct VerifyReport: Sendable, Encodable {
    /// `PRAGMA integrity_check` lines other than "ok".
    public var integrity: [String]
    public var foreignKeyErrors: Int
    public var checkedFiles: Int
    public var problems: [StoreProblem]
    /// Files in the store no document refers to (left by an attach that did not commit): harmless.
    public var unreferenced: Int
    /// Why the search index does not match the documents (SQLite's message, or the words that
    /// differ); nil when it matches.
    public var searchIndex: String?

    public var isClean: Bool { integrity.isEmpty && foreignKeyErrors == 0 && problems.isEmpty && searchIndex == nil }
}
