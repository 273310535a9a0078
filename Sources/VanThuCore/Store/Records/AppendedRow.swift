import GRDB

/// A row vanthu appends to a table: its columns listed once, its values in the same order. It is
/// a GRDB record (`encode(to:)` comes from the two lists), and it is appended through one cached
/// prepared statement with positional arguments.
///
/// Why not GRDB's `insert(db)` on these rows: it builds a persistence container and the INSERT's
/// SQL for every row. Measured with `make bench`, base and change in the same run: bulk
/// registration through the library fell from 3,724 to 2,705 documents/s (−27 %) and a
/// 100,000-row import rose from 27.5 s to 37.7 s (+37 %) when the three INSERTs became
/// `insert(db)` calls.
protocol AppendedRow: MutablePersistableRecord {
    static var columns: [String] { get }
    /// `makeInsertSQL()`, kept in a `static let` by each row type.
    static var insertSQL: String { get }
    var values: [(any DatabaseValueConvertible)?] { get }
}

extension AppendedRow {
    static func makeInsertSQL() -> String {
        "INSERT INTO \(databaseTableName) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    func encode(to container: inout PersistenceContainer) {
        for (column, value) in zip(Self.columns, values) { container[column] = value }
    }

    /// Appends the row; returns its id.
    @discardableResult
    func append(_ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: Self.insertSQL).execute(arguments: StatementArguments(values))
        return db.lastInsertedRowID
    }
}
