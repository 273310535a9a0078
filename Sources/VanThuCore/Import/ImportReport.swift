/// What an import read, kept, refused, and what it found in each numbering series.
public struct ImportReport: Sendable, Encodable, Equatable {
    /// A row that could not be read: its row number in the sheet (as Excel shows it) and why.
    public struct Problem: Sendable, Encodable, Equatable {
        public var row: Int
        public var reason: Bilingual
    }

    /// One numbering series touched by the import.
    public struct Series: Sendable, Encodable, Equatable {
        /// "Sổ đăng ký văn bản đến 2020", and the type code for per-type series.
        public var register: String
        public var seriesKey: String
        public var imported: Int
        public var first: Int
        public var last: Int
        /// Numbers missing between the first and the last, as ranges: "17", "233–235".
        public var gaps: [String]
        /// Numbers the file gave twice (the second row is refused).
        public var duplicates: [Int]
        /// The number the next registration will get.
        public var nextNumber: Int
    }

    public var file: String
    public var sheet: String
    public var sha256: String
    public var direction: String
    /// Heading → field, as recognised or mapped.
    public var columns: [String: String]
    public var headingRow: Int
    public var rowsRead: Int
    public var imported: Int
    public var problems: [Problem]
    public var series: [Series]
    public var dryRun: Bool
    /// Why the import, run for real, would be refused for numbers missing in the register in
    /// use (``ImportError/gapsInLiveSeries(register:gaps:next:)``); set by a dry run only.
    public var liveSeriesGaps: Bilingual?
    /// True when the documents were written (not a dry run, and no problem or --skip-bad).
    public var committed: Bool
}
