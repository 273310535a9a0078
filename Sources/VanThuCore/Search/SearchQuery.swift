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
    /// Rank (bm25) only the newest this many matches when there are more; nil: rank them all.
    /// FTS5 scores every match it ranks, about 1.7 µs each: a search of a million documents
    /// matching 147,119 of them spent 250 ms of its 306 ranking, where the newest 20,000 take
    /// 35 ms. A search that broad is narrowed by the clerk anyway; the results say they were
    /// ranked among the newest (``SearchResults/rankedAmongNewest``).
    public var rankingWindow: Int? = 20_000

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
    /// Set when there were more matches than ``SearchQuery/rankingWindow``: the hits are the
    /// most relevant of the newest this many.
    public var rankedAmongNewest: Int?
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
    /// Present when the hits were ranked among the newest this many matches only.
    var rankedAmongNewest: Int?

    public init(_ results: SearchResults) {
        total = results.total
        hits = results.hits.map { Hit(score: $0.score, document: $0.document) }
        rankedAmongNewest = results.rankedAmongNewest
    }
}
