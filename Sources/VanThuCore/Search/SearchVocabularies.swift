import Foundation
import GRDB
import GRDBSQLite

/// The words on which the search index and the one rebuilt from the documents differ: per
/// word and column, in how many documents it stands and how many times (`fts5vocab`'s `col`
/// tables `temp.searchIndexVocab` and `temp.searchCheckVocab`).
enum SearchVocabularies {
    /// The differing words in byte order, each once.
    ///
    /// Both vocabularies come out of FTS5 in the index's order (bytes of the word, then the
    /// column in table order), so they are walked side by side once. Comparing them with SQL
    /// (`EXCEPT` both ways, then `GROUP BY`) sorted each one twice: 3.6 s of `check` on
    /// 1,000,000 documents, the walk 1.3 s. Should either ever come out of order, the SQL
    /// comparison answers instead. (Its two EXCEPTs are each in parentheses: written one after
    /// the other, SQLite reads `A EXCEPT B UNION ALL B EXCEPT A` from the left, as B EXCEPT A,
    /// and the words left only in the index, those of a summary changed behind its back, were
    /// never named. The walk showed it.)
    static func differingTerms(_ db: Database, bySQL: Bool = false) throws -> [String] {
        if !bySQL, let terms = try walk(db) { return terms }
        return try String.fetchAll(
            db,
            sql: """
                SELECT term FROM (
                    SELECT term FROM (SELECT term, col, doc, cnt FROM temp.searchIndexVocab
                        EXCEPT SELECT term, col, doc, cnt FROM temp.searchCheckVocab)
                    UNION ALL
                    SELECT term FROM (SELECT term, col, doc, cnt FROM temp.searchCheckVocab
                        EXCEPT SELECT term, col, doc, cnt FROM temp.searchIndexVocab))
                GROUP BY term ORDER BY term
                """)
    }

    /// One vocabulary, read a row at a time; the row's bytes stay SQLite's until the next step.
    private struct Side {
        let statement: Statement
        let cursor: RowCursor
        let columns: [String: Int]
        /// The word and column of the row it stands on; nil once it is exhausted.
        var term: [UInt8]?
        var column = 0
        var documents: Int64 = 0
        var occurrences: Int64 = 0

        init(_ db: Database, table: String, columns: [String: Int]) throws {
            statement = try db.makeStatement(sql: "SELECT term, col, doc, cnt FROM temp.\(table)")
            cursor = try Row.fetchCursor(statement)
            self.columns = columns
        }

        /// Steps to the next row; false when it came out of order.
        mutating func advance() throws -> Bool {
            let previous = term.map { ($0, column) }
            guard try cursor.next() != nil else {
                term = nil
                return true
            }
            let s = statement.sqliteStatement
            let bytes = sqlite3_column_blob(s, 0).map { UnsafeRawBufferPointer(start: $0, count: Int(sqlite3_column_bytes(s, 0))) }
            term = bytes.map { Array($0) } ?? []
            let name = sqlite3_column_text(s, 1).map { String(cString: $0) } ?? ""
            column = columns[name] ?? columns.count
            documents = sqlite3_column_int64(s, 2)
            occurrences = sqlite3_column_int64(s, 3)
            guard let previous, let term else { return true }
            return SearchVocabularies.order(previous, (term, column)) < 0
        }
    }

    /// -1, 0 or 1 as the word and column `a` comes before, with or after `b`.
    private static func order(_ a: ([UInt8], Int), _ b: ([UInt8], Int)) -> Int {
        let byTerm = a.0.lexicographicallyPrecedes(b.0) ? -1 : (a.0 == b.0 ? 0 : 1)
        return byTerm != 0 ? byTerm : (a.1 < b.1 ? -1 : (a.1 == b.1 ? 0 : 1))
    }

    /// The walk; nil when a vocabulary came out of order.
    private static func walk(_ db: Database) throws -> [String]? {
        let names = RegistryMigrator.searchColumnList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let columns = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var index = try Side(db, table: "searchIndexVocab", columns: columns)
        var check = try Side(db, table: "searchCheckVocab", columns: columns)
        guard try index.advance(), try check.advance() else { return nil }
        var differing: [[UInt8]] = []
        func differs(_ term: [UInt8]) {
            if differing.last != term { differing.append(term) }
        }
        while index.term != nil || check.term != nil {
            let way: Int
            switch (index.term, check.term) {
            case (let a?, let b?): way = order((a, index.column), (b, check.column))
            case (.some, nil): way = -1
            default: way = 1
            }
            if way == 0 {
                if index.documents != check.documents || index.occurrences != check.occurrences { differs(index.term ?? []) }
                guard try index.advance(), try check.advance() else { return nil }
            } else if way < 0 {
                differs(index.term ?? [])
                guard try index.advance() else { return nil }
            } else {
                differs(check.term ?? [])
                guard try check.advance() else { return nil }
            }
        }
        return differing.map { String(decoding: $0, as: UTF8.self) }
    }
}
