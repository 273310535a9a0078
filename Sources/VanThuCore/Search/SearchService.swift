import GRDB

extension SearchService {
    /// bm25 weights of the index columns: số/ký hiệu, trích yếu, tác giả, handler, people, notes, text, tags.
    static let searchWeights = "10.0, 5.0, 4.0, 3.0, 2.0, 1.0, 0.5, 0.0"

    /// The documents matching `query`, most relevant first (bm25), then newest.
    ///
    /// Words, the handler, the register, the year and the type are all matched in the index
    /// (the last three through its `tags` column), so most searches never touch the document
    /// table until the 50 best are read. Dates and states are checked on the documents.
    /// A clerk's words are never FTS5 syntax: ``SearchPattern`` quotes each one.
    public func search(_ query: SearchQuery) throws -> SearchResults {
        let pattern = SearchPattern(query.text)
        let handler = query.handler.flatMap(VietnameseText.nonEmpty).map {
            SearchPattern.phrase(SearchPattern.words(Substring(VietnameseText.fold($0))))
        }
        if let from = query.from, let to = query.to, to < from { throw RegistryError.dateOrder(earlier: .periodStart, later: .periodEnd) }
        return try read { db in
            let kinds = RegisterKind.allCases.filter { $0.isSecret == query.secret && (query.direction == nil || $0.direction == query.direction) }
            let typeCode = try query.typeCode.flatMap(VietnameseText.nonEmpty).map {
                try documentType($0, preferred: try organization(db).style, db).code
            }
            // Filters every path applies on the documents themselves.
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            let date = "d.registerDate"
            // Open and overdue documents are read from the index of open documents (v9), which
            // holds every column these filters test, in date order: their number, not the
            // register's, is what a page costs (20 ms for 100 late of a 100,000 backlog, where
            // walking the register by date read every row, 180 ms). SQLite's planner, without
            // statistics, chose the register's date index, hence INDEXED BY.
            let openIndex = [.open, .overdue, .unrouted].contains(query.status) ? try Self.openIndex(db) : nil
            let table = "document d" + (openIndex.map { " INDEXED BY \($0)" } ?? "")
            if let (condition, values) = Self.visibility(for: context.account) {
                // An account that sees no document gets no query: under a WHERE that is false
                // whatever the row, SQLite cannot prove the open index's own WHERE and refuses
                // the INDEXED BY ("no query solution", what the quản trị's inbox answered).
                if condition == Self.nothingVisible { return SearchResults(total: 0, hits: [], pattern: pattern, totalIsAtLeast: false) }
                conditions.append(condition)
                arguments += values
            }
            if let from = query.from {
                conditions.append("\(date) >= ?")
                arguments.append(from.iso)
            }
            if let to = query.to {
                conditions.append("\(date) <= ?")
                arguments.append(to.iso)
            }
            switch query.status {
            case nil: break
            case .open: conditions.append(HandlingService.openCondition)
            case .done: conditions.append("d.status = 'done' AND d.voidedAt IS NULL")
            case .returned: conditions.append("d.status = 'returned' AND d.voidedAt IS NULL")
            case .voided: conditions.append("d.voidedAt IS NOT NULL")
            case .unrouted: conditions.append("\(HandlingService.openCondition) AND d.status = 'registered'")
            case .overdue:
                let cutoff = try workingCalendar(db).previousWorkingDay(before: context.today)
                conditions.append("\(HandlingService.openCondition) AND \(HandlingService.lateCondition(today: context.today, cutoff: cutoff))")
            }
            if let urgency = query.urgency {
                conditions.append("d.urgency = ?")
                arguments.append(urgency.rawValue)
            }
            let issuer = query.issuer.flatMap(VietnameseText.nonEmpty).map {
                SearchPattern.phrase(SearchPattern.words(Substring(VietnameseText.fold($0))))
            }
            let words = [
                pattern.expression,
                handler.map { "handler : \($0)" },
                issuer.map { "issuer : \($0)" },
            ].compactMap { $0 }
            let limit = max(1, query.limit)

            guard !words.isEmpty else {
                guard query.year != nil || typeCode != nil || !conditions.isEmpty else { throw RegistryError.emptyField(.searchText) }
                conditions.append("d.kind IN (\(kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
                if let year = query.year {
                    conditions.append("\(date) BETWEEN ? AND ?")
                    arguments += [LocalDate.firstDay(of: year).iso, LocalDate.lastDay(of: year).iso]
                }
                if let typeCode {
                    conditions.append("d.typeCode = ?")
                    arguments.append(typeCode)
                }
                let condition = conditions.joined(separator: " AND ")
                let total = try Self.count(
                    db, sql: "SELECT 1 FROM \(table) WHERE \(condition)", arguments: StatementArguments(arguments), limit: query.countLimit)
                // The ids first (from an index alone when it holds the filters' columns), then
                // only the documents shown.
                let ids = try Int64.fetchAll(
                    db, sql: "SELECT d.id FROM \(table) WHERE \(condition) ORDER BY d.registerDate DESC, d.id DESC LIMIT \(limit)",
                    arguments: StatementArguments(arguments))
                var byId: [Int64: Document] = [:]
                if !ids.isEmpty {
                    for document in try Document.fetchAll(db, where: "d.id IN (\(ids.map(String.init).joined(separator: ", ")))") {
                        byId[document.id] = document
                    }
                }
                return SearchResults(
                    total: total.count, hits: ids.compactMap { byId[$0] }.map { .init(document: $0, score: nil) }, pattern: pattern,
                    totalIsAtLeast: total.capped)
            }

            // Registers are filtered by leaving the others out: NOT with a short list is cheaper
            // than AND with one that holds nearly every document.
            var expression = words.map { "(\($0))" }.joined(separator: " AND ")
            if let year = query.year { expression += " AND (tags : \"vty\(year)\")" }
            if let typeCode { expression += " AND (tags : \"vtt\(VietnameseText.fold(typeCode))\")" }
            let excluded = RegisterKind.allCases.filter { !kinds.contains($0) }
            if !excluded.isEmpty {
                expression += " NOT (tags : (" + excluded.map { "\"vtk\($0.rawValue.lowercased())\"" }.joined(separator: " OR ") + "))"
            }
            let score = "bm25(documentSearch, \(Self.searchWeights))"
            // Newest first (a register's list) lets the index stop at the page's last row instead
            // of ranking every match.
            let order = query.newestFirst ? "rowid DESC" : "score, rowid DESC"

            if conditions.isEmpty {
                // The index alone: count, rank, then read only the documents shown.
                let total = try Self.count(
                    db, sql: "SELECT 1 FROM documentSearch WHERE documentSearch MATCH ?", arguments: [expression], limit: query.countLimit)
                let window = try Self.rankingWindow(
                    query, total: total, db, newest: "SELECT rowid FROM documentSearch WHERE documentSearch MATCH ? ORDER BY rowid DESC",
                    arguments: [expression])
                let ranked = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT rowid, \(query.newestFirst ? "NULL" : score) AS score FROM documentSearch
                        WHERE documentSearch MATCH ?\(window.map { " AND rowid >= \($0.fromId)" } ?? "") ORDER BY \(order) LIMIT \(limit)
                        """,
                    arguments: [expression])
                let ids: [Int64] = ranked.map { $0["rowid"] }
                var documents: [Int64: Document] = [:]
                if !ids.isEmpty {
                    for document in try Document.fetchAll(db, where: "d.id IN (\(ids.map(String.init).joined(separator: ", ")))") {
                        documents[document.id] = document
                    }
                }
                let hits = ranked.compactMap { row -> SearchResults.Hit? in
                    documents[row["rowid"]].map { .init(document: $0, score: row["score"]) }
                }
                return SearchResults(
                    total: total.count, hits: hits, pattern: pattern, totalIsAtLeast: total.capped, rankedAmongNewest: window?.size)
            }

            let condition = (conditions + ["documentSearch MATCH ?"]).joined(separator: " AND ")
            let allArguments: StatementArguments = StatementArguments(arguments) + [expression]
            // CROSS JOIN keeps the index as the outer loop: probing it once per document is far slower.
            // Newest first is ordered by the index's rowid, which FTS5 walks backwards and stops
            // at the page's last row; ordered by d.id (the same number) SQLite sorted every match
            // with its columns first: a leader's "bao cao" on 100,000 documents, 120 ms → 10 ms.
            let join = "FROM documentSearch CROSS JOIN document d ON d.id = documentSearch.rowid WHERE \(condition)"
            let total = try Self.count(db, sql: "SELECT 1 \(join)", arguments: allArguments, limit: query.countLimit)
            let window = try Self.rankingWindow(
                query, total: total, db, newest: "SELECT documentSearch.rowid \(join) ORDER BY documentSearch.rowid DESC", arguments: allArguments)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(Document.selection), \(query.newestFirst ? "NULL" : score) AS score \(join)\(window.map { " AND documentSearch.rowid >= \($0.fromId)" } ?? "")
                    ORDER BY \(query.newestFirst ? "documentSearch.rowid DESC" : "score, d.id DESC") LIMIT \(limit)
                    """,
                arguments: allArguments)
            var hits: [SearchResults.Hit] = []
            while let row = try rows.next() {
                hits.append(.init(document: try Document(row: row), score: row["score"]))
            }
            return SearchResults(
                total: total.count, hits: hits, pattern: pattern, totalIsAtLeast: total.capped, rankedAmongNewest: window?.size)
        }
    }

    /// How many rows `sql` (a `SELECT 1 …`) gives, counting no further than `limit` when given:
    /// a page that says “more than 1,000” need not count a third of the register.
    static func count(_ db: Database, sql: String, arguments: StatementArguments, limit: Int?) throws -> (count: Int, capped: Bool) {
        guard let limit else { return (try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql))", arguments: arguments) ?? 0, false) }
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql) LIMIT \(limit + 1))", arguments: arguments) ?? 0
        return (min(count, limit), count > limit)
    }

    /// Where ranking starts when a ranked search has more matches than its window: the id of the
    /// window's oldest match (`newest` lists the matches' ids newest first, which FTS5 walks
    /// without ranking) and the window's size; nil when every match is ranked.
    static func rankingWindow(
        _ query: SearchQuery, total: (count: Int, capped: Bool), _ db: Database, newest: String, arguments: StatementArguments
    ) throws -> (fromId: Int64, size: Int)? {
        guard !query.newestFirst, let size = query.rankingWindow, size > 0, total.capped || total.count > size else { return nil }
        return try Int64.fetchOne(db, sql: "\(newest) LIMIT 1 OFFSET \(size - 1)", arguments: arguments).map { ($0, size) }
    }

    /// The index of open documents by date (v9), when this file has it (an older one read
    /// without upgrading does not).
    static func openIndex(_ db: Database) throws -> String? {
        let name = "document_open_by_date"
        return try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [name]) == true ? name : nil
    }

    /// Checks that the search index holds exactly what the documents say; nil when it does.
    /// A damaged index gives SQLite's message; one out of step gives the words that differ.
    ///
    /// The index is rebuilt from the documents into a temporary table, and the two are compared
    /// word by word and column by column (how many documents hold each word, how many times).
    /// SQLite 3.40's own `integrity-check` only checks the index's inner structure; it runs
    /// too when the database is writable (as a write statement, rolled back).
    public func searchIndexProblem() throws -> String? {
        try perform { try dbQueue.writeWithoutTransaction { try Self.searchIndexProblem($0).problem } }
    }

    /// ``searchIndexProblem()`` on `db`, a connection outside any transaction: in one of its
    /// own, which also reads the journal's last entry, so that a check run on a second
    /// connection can show it saw the state the others saw.
    /// - Parameter bySQL: compares the words with SQL rather than walking them (a test's witness).
    static func searchIndexProblem(_ db: Database, bySQL: Bool = false) throws -> (problem: String?, head: JournalHead) {
        defer {
            try? db.execute(
                sql:
                    "DROP TABLE IF EXISTS temp.searchIndexVocab; DROP TABLE IF EXISTS temp.searchCheckVocab; DROP TABLE IF EXISTS temp.searchCheck"
            )
        }
        var problem: String?
        var head = JournalHead(id: 0, hash: "")
        try db.inTransaction(.deferred) {
            head = try JournalHead.of(db)
            if !db.configuration.readonly {
                do {
                    try db.execute(sql: "INSERT INTO documentSearch (documentSearch) VALUES ('integrity-check')")
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
                    problem = error.message ?? "integrity-check"
                    return .rollback
                }
            }
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE temp.searchCheck USING fts5(\(RegistryMigrator.searchColumnList), content = '', tokenize = 'unicode61 remove_diacritics 2');
                    INSERT INTO temp.searchCheck (rowid, \(RegistryMigrator.searchColumnList)) SELECT id, \(RegistryMigrator.searchColumnList) FROM main.documentSearchSource;
                    CREATE VIRTUAL TABLE temp.searchIndexVocab USING fts5vocab(main, documentSearch, col);
                    CREATE VIRTUAL TABLE temp.searchCheckVocab USING fts5vocab(temp, searchCheck, col);
                    """)
            let differing = try SearchVocabularies.differingTerms(db, bySQL: bySQL)
            if !differing.isEmpty {
                problem = differing.prefix(5).joined(separator: ", ") + (differing.count > 5 ? ", … (\(differing.count))" : "")
            }
            return .rollback
        }
        return (problem, head)
    }

    /// Rebuilds the search index from the documents, journaled.
    public func rebuildSearchIndex() throws {
        try write { db in
            try db.execute(sql: "INSERT INTO documentSearch (documentSearch) VALUES ('rebuild')")
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0
            try appendJournal(db, action: "rebuild-search-index", entity: "documentSearch", entityId: nil, after: "{\"documents\":\(count)}")
        }
    }
}

extension SearchService {
    /// Bytes used by the search index and by the whole file (from SQLite's dbstat).
    public func storageSizes() throws -> (search: Int, total: Int) {
        try read { db in
            let search = try Int.fetchOne(db, sql: "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'documentSearch%'") ?? 0
            let total = try Int.fetchOne(db, sql: "SELECT coalesce(sum(pgsize), 0) FROM dbstat") ?? 0
            return (search, total)
        }
    }

    /// The condition of an account that sees no document at all.
    static let nothingVisible = "0"

    /// ``AccessRules/canSee(_:by:)`` as a condition on `document d`, nil for an account that sees
    /// everything (and at the terminal).
    static func visibility(for account: Account?) -> (String, [any DatabaseValueConvertible])? {
        guard let account, account.role != .clerk || account.disabled else { return nil }
        if account.disabled || account.role == .administrator { return (nothingVisible, []) }
        func named(_ names: [String]) -> String {
            let marks = names.map { _ in "?" }.joined(separator: ", ")
            let co = names.map { _ in "instr(char(10) || d.coHandlers || char(10), char(10) || ? || char(10)) > 0" }.joined(separator: " OR ")
            return "(d.handler IN (\(marks)) OR \(co))"
        }
        let people = Array(AccessRules.personalNames(of: account)).sorted()
        let ordinary = "(d.kind NOT IN ('secretIncoming', 'secretOutgoing') AND d.secrecy IS NULL)"
        var condition = "(" + (people.isEmpty ? "0" : named(people))
        var values: [any DatabaseValueConvertible] = people + people
        if account.role == .leader {
            condition += " OR \(ordinary))"
        } else if let unit = AccessRules.unitName(of: account) {
            condition += " OR (\(ordinary) AND \(named([unit]))))"
            values += [unit, unit]
        } else if people.isEmpty {
            return (nothingVisible, [])
        } else {
            condition += ")"
        }
        return (condition, values)
    }
}
