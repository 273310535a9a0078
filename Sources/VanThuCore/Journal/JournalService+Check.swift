import Foundation
import GRDB

extension JournalService {
    /// Everything a clerk checks before closing the year: SQLite's integrity and foreign keys, the
    /// search index, numbering series without gaps, the journal's chain and seals, and every
    /// stored file against its size and SHA-256. Changes nothing.
    /// - Parameter store: where the stored files are, when not beside this file (a backup's
    ///   copy being checked before it is restored).
    public func verify(store: ContentStore? = nil) throws -> VerifyReport {
        let contentStore = store ?? AttachmentService(store: self.store).contentStore
        // Three connections share the work (1,000,000 documents: 24.6 s on one, on two cores):
        // the search index rebuilt and compared word by word (half of it) on one, SQLite's
        // integrity check on another, the rest and the journal on this one (its documents
        // shared out too). The others' answers count when they saw the same last entry as
        // this connection; otherwise (a clerk wrote in between, or one failed) they are
        // found again here.
        let search = self.store.readBeside(ownTransaction: true) { try SearchService.searchIndexProblem($0) }
        defer { _ = search?.wait() }
        let integrityBeside = self.store.readBeside { db in (problems: try Self.integrityProblems(db), head: try JournalHead.of(db)) }
        defer { _ = integrityBeside?.wait() }
        let (foreignKeys, all, gaps, head) = try read { db in
            (
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                try AttachmentService(store: self.store).attachments(db, where: "1", arguments: []),
                try seriesGaps(db),
                try JournalHead.of(db)
            )
        }
        let integrity: [String]
        if let found = integrityBeside?.wait(), found.head == head {
            integrity = found.problems
        } else {
            integrity = try read { try Self.integrityProblems($0) }
        }
        var problems: [StoreProblem] = []
        var checked = Set<String>()
        var damaged: [String: StoreProblem.Kind] = [:]
        for attachment in all {
            if !checked.contains(attachment.sha256) {
                checked.insert(attachment.sha256)
                if let problem = contentStore.problem(sha256: attachment.sha256, size: attachment.size) { damaged[attachment.sha256] = problem }
            }
            if let kind = damaged[attachment.sha256] {
                problems.append(StoreProblem(kind: kind, reference: attachment.reference, name: attachment.name, sha256: attachment.sha256))
            }
        }
        let unreferenced = contentStore.storedHashes().filter { !checked.contains($0) }.count
        let sound = integrity.isEmpty
        return VerifyReport(
            integrity: integrity, foreignKeyErrors: foreignKeys, checkedFiles: checked.count, problems: problems, unreferenced: unreferenced,
            searchIndex: sound ? try searchIndexProblem(beside: search, head: head) : nil, seriesGaps: gaps,
            journal: sound ? try verifyJournal() : nil)
    }

    /// What SQLite's integrity check finds; empty when the file is sound.
    private static func integrityProblems(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
    }

    /// The search index's problem as the second connection found it, when it read the state
    /// `head` says; otherwise found again here.
    private func searchIndexProblem(beside: BesideRead<(problem: String?, head: JournalHead)>?, head: JournalHead) throws -> String? {
        if let found = beside?.wait(), found.head == head { return found.problem }
        return try SearchService(store: store).searchIndexProblem()
    }

    /// The numbers missing from each series, between its first number (1, or the one declared
    /// with `continueSeries`) and its highest. Sub-numbers (12a) are extra, never expected.
    func seriesGaps(_ db: Database) throws -> [VerifyReport.SeriesGap] {
        let registers = Dictionary(
            uniqueKeysWithValues: try RegisterRecord.fetchAll(db).map { ($0.register.id, $0.register) })
        var starts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT registerId, seriesKey, firstNumber FROM seriesStart") {
            starts["\(row["registerId"] as Int64)/\(row["seriesKey"] as String)"] = row["firstNumber"]
        }
        // The highest number an import brought into each series: gaps up to it are the old register's.
        var imported: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT json_extract(s.value, '$.register') AS register, json_extract(s.value, '$.seriesKey') AS seriesKey,
                       max(json_extract(s.value, '$.last')) AS last
                FROM journal, json_each(journal.after, '$.series') AS s
                WHERE journal.action = 'import' AND json_valid(journal.after)
                GROUP BY 1, 2
                """)
        {
            imported["\(row["register"] as String? ?? "")/\(row["seriesKey"] as String? ?? "")"] = row["last"]
        }
        var gaps: [VerifyReport.SeriesGap] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT registerId, seriesKey, number FROM document WHERE numberSuffix = '' ORDER BY registerId, seriesKey, number")
        var series: (registerId: Int64, key: String)?
        var last = 0
        while let row = try rows.next() {
            let registerId: Int64 = row["registerId"]
            let key: String = row["seriesKey"]
            let number: Int = row["number"]
            if series.map({ $0 != (registerId, key) }) ?? true {
                series = (registerId, key)
                last = (starts["\(registerId)/\(key)"] ?? 1) - 1
            }
            guard number > last + 1 else {
                last = max(last, number)
                continue
            }
            let title = registers[registerId]?.title ?? "#\(registerId)"
            gaps.append(
                .init(
                    register: title, seriesKey: key, numbers: number == last + 2 ? "\(last + 1)" : "\(last + 1)–\(number - 1)",
                    fromImport: number - 1 <= imported["\(title)/\(key)"] ?? 0))
            last = number
        }
        return gaps
    }
}
