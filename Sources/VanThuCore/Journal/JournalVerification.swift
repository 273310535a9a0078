/// What `vanthu journal verify` found: the chain re-computed from the first entry, and every
/// document compared with what the journal last recorded for it.
public struct JournalVerification: Sendable, Encodable {
    /// An entry whose stored hash is not the one its content and its predecessor give: it, or an
    /// entry before it, was edited, deleted or inserted behind vanthu's back.
    public struct BrokenLink: Sendable, Encodable, Equatable {
        public var id: Int64
        public var at: String
        public var user: String
        public var action: String
        public var reference: String?
    }

    /// A document whose row no longer matches its last seal.
    public struct AlteredDocument: Sendable, Encodable, Equatable {
        public enum Kind: String, Sendable, Encodable {
            /// Its values differ from those the journal recorded.
            case changed
            /// No journal entry ever recorded it.
            case unrecorded
            /// The journal recorded it, and the row is gone.
            case missing
        }
        public var id: Int64
        public var reference: String?
        public var kind: Kind
        /// The entry that last recorded it.
        public var journalId: Int64?
    }

    /// A small table (types, registers, calendar, hồ sơ, …) that differs from its last seal.
    public struct AlteredTable: Sendable, Encodable, Equatable {
        public var table: String
        /// The entry that last sealed it; nil when none ever did.
        public var journalId: Int64?
    }

    /// A hash given with `--expect`, and the entry that has it on an unbroken chain (nil: none
    /// has: the journal was cut before it, or rewritten).
    public struct Anchor: Sendable, Encodable, Equatable {
        public var hash: String
        public var entryId: Int64?
    }

    public var entries: Int
    /// The last entry's id and hash: write them in the year's closing minutes, and a later
    /// verify proves nothing before them changed.
    public var headId: Int64?
    public var headHash: String?
    /// The broken links, first first; at most ``listLimit`` listed, all counted.
    public var brokenLinks: [BrokenLink]
    public var brokenLinkCount: Int
    /// Seals whose entry is gone (the entry, or the end of the journal, was deleted).
    public var orphanSeals: Int
    public var documents: Int
    public var alteredDocuments: [AlteredDocument]
    public var alteredDocumentCount: Int
    public var alteredTables: [AlteredTable]
    public var anchors: [Anchor]

    public static let listLimit = 100

    public var isIntact: Bool {
        brokenLinkCount == 0 && orphanSeals == 0 && alteredDocumentCount == 0 && alteredTables.isEmpty && anchors.allSatisfy { $0.entryId != nil }
    }
}

extension JournalVerification {
    /// Nothing checked yet.
    init() {
        self.init(
            entries: 0, headId: nil, headHash: nil, brokenLinks: [], brokenLinkCount: 0, orphanSeals: 0,
            documents: 0, alteredDocuments: [], alteredDocumentCount: 0, alteredTables: [], anchors: [])
    }
}
