/// A search of the registers: words to find, and filters that narrow the documents.
public struct SearchQuery: Sendable {
    /// Which documents a search keeps by their state of handling.
    public enum Status: String, Sendable, CaseIterable {
        /// Incoming documents still being handled.
        case open
        /// Past their deadline, or not routed in time (as `vanthu overdue` counts them).
        case overdue
        /// Registered and waiting for a leader's direction (not routed yet).
        case unrouted
        case done
        case returned
        case voided
    }

    public var text: String
    public var direction: Direction?
    /// Search the secret registers instead of the ordinary ones (they never mix).
    public var secret = false
    public var year: Int?
    public var typeCode: String?
    /// The register date, from and to (inclusive).
    public var from: LocalDate?
    public var to: LocalDate?
    /// The lead unit or person, matched without diacritics: `phong tuyen truyen`.
    public var handler: String?
    public var status: Status?
    /// The issuing body (tác giả), matched as a phrase without diacritics.
    public var issuer: String?
    public var urgency: Urgency?
    public var limit = 50
    /// Newest first instead of most relevant first (a register's list).
    public var newestFirst = false
    /// Count the matches no further than this (the total then says “at least”); nil: all.
    public var countLimit: Int?

    public init(text: String) {
        self.text = text
    }
}

/// The documents a search found, most relevant first.
public struct SearchResults: Sendable {
    public struct Hit: Sendable {
        public var document: Document
        /// The bm25 score (lower is more relevant); nil when only filters were given.
        public var score: Double?
    }

    /// How many documents match in all; `hits` holds the first `limit`.
    public var total: Int
    public var hits: [Hit]
    public var pattern: SearchPattern
    /// True when counting stopped at ``SearchQuery/countLimit``: there are more than `total`.
    public var totalIsAtLeast = false
}

/// A search as JSON (`vanthu search --json`, `GET /api/documents`): how many matched, and the
/// documents shown, best first.
public struct SearchOutput: Encodable {
    struct Hit: Encodable {
        var score: Double?
        var document: Document
    }

    var total: Int
    var hits: [Hit]

    public init(_ results: SearchResults) {
        total = results.total
        hits = results.hits.map { Hit(score: $0.score, document: $0.document) }
    }
}
