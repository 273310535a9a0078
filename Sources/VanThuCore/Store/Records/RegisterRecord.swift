import GRDB

/// A register (sổ) as a GRDB record: its columns once, the queries on it as request extensions.
/// Internal: the public ``Register`` stays free of GRDB (the boundary), and is what it decodes to.
struct RegisterRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "register"

    enum Columns {
        static let id = Column("id")
        static let kind = Column("kind")
        static let startDate = Column("startDate")
        static let endDate = Column("endDate")
        static let volume = Column("volume")
        static let perType = Column("perType")
    }

    let register: Register

    init(row: Row) throws { register = try Register(row: row) }
}

extension DerivableRequest<RegisterRecord> {
    /// Registers of these kinds.
    func of(_ kinds: [RegisterKind]) -> Self {
        filter(kinds.map(\.rawValue).contains(RegisterRecord.Columns.kind))
    }

    /// Registers whose period meets `start…end`.
    func overlapping(_ start: LocalDate, _ end: LocalDate) -> Self {
        filter(RegisterRecord.Columns.startDate <= end.iso && RegisterRecord.Columns.endDate >= start.iso)
    }

    /// In the order they were kept.
    func chronological() -> Self { order(RegisterRecord.Columns.startDate, RegisterRecord.Columns.kind) }
}

/// A new register as written to `register`.
struct NewRegisterRow: AppendedRow {
    static let databaseTableName = "register"
    static let columns = ["kind", "startDate", "endDate", "volume", "perType"]
    static let insertSQL = makeInsertSQL()

    var kind: RegisterKind
    var start: LocalDate
    var end: LocalDate
    var perType: Bool
    var volume = 1

    var values: [(any DatabaseValueConvertible)?] { [kind.rawValue, start.iso, end.iso, volume, perType] }
}
