/// What `vanthu check` found: SQLite's own checks, the search index, the numbering series, the
/// journal's chain and seals, and every stored file.
public struct VerifyReport: Sendable, Encodable {
    /// Numbers missing from a series (a voided number is not missing: it stays in the register).
    public struct SeriesGap: Sendable, Encodable, Equatable {
        /// "Sổ đăng ký văn bản đến 2021", and the type code of a per-type series.
        public var register: String
        public var seriesKey: String
        /// "17", "233–235".
        public var numbers: String
        /// The gap came with a register imported from an older system, and its import recorded it.
        public var fromImport: Bool
    }

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
    public var seriesGaps: [SeriesGap]
    /// Nil when the database itself is damaged (the chain is not read then).
    public var journal: JournalVerification?

    public var isClean: Bool {
        integrity.isEmpty && foreignKeyErrors == 0 && problems.isEmpty && searchIndex == nil
            && seriesGaps.allSatisfy(\.fromImport) && journal?.isIntact != false
    }
}
