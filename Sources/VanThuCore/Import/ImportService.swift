import Foundation
import GRDB

/// How to import a register file.
public struct ImportOptions: Sendable {
    public var direction: Direction
    public var mapping = ImportMapping()
    public var dryRun = false
    /// Import the good rows and leave out the bad ones (listed in the report).
    public var skipBad = false
    /// Accept numbers missing in the register in use (the one covering today) after the
    /// import; without it such an import is refused, since live numbering goes on past them.
    public var allowGaps = false

    public init(direction: Direction) {
        self.direction = direction
    }
}

extension ImportService {
    /// Imports an old register (the rows of one sheet or CSV file) with its own numbers, in one
    /// transaction journaled as one event with the file's SHA-256.
    ///
    /// Numbers are kept as they were, never renumbered; a number already in the database, or
    /// given twice in the file, is a bad row. Unless `skipBad`, any bad row refuses the whole
    /// file (``ImportError/badRows(_:)``). A dry run reads and checks everything, then writes
    /// nothing. Imported incoming documents are not followed up (their handling was on paper).
    public func importRegister(_ table: SourceTable, file: String, sha256: String, options: ImportOptions) throws -> ImportReport {
        guard let sheet = RegisterSheet(table, direction: options.direction, mapping: options.mapping) else {
            throw ImportError.noHeadingRow(path: file)
        }
        if options.direction == .outgoing, sheet.columns.values.contains(.arrivalDate) { throw ImportError.incomingRegister(path: file) }
        let missing = sheet.missing(options.direction)
        guard missing.isEmpty else { throw ImportError.missingColumns(missing) }
        var report = ImportReport(
            file: file, sheet: table.name, sha256: sha256, direction: options.direction.rawValue, columns: sheet.headings,
            headingRow: table.lineNumber(ofRow: sheet.headingRow), rowsRead: 0, imported: 0, problems: [], series: [], dryRun: options.dryRun,
            liveSeriesGaps: nil, committed: false)
        try write(commit: !options.dryRun, bulk: true) { db in
            var session = try RegistrationSession(RegistrationService(store: store), db)
            let reader = ImportRowReader(
                direction: options.direction, columns: sheet.columns, organization: session.organization, types: try session.allTypes(),
                today: context.today, date1904: table.date1904)
            var taken: [String: Int] = [:]  // register|series|number|suffix → first row
            let headingWidth = table.rows[sheet.headingRow].count
            var imported: [String: (register: Register, seriesKey: String, numbers: [Int], duplicates: [Int])] = [:]
            let exists = try db.makeStatement(
                sql: "SELECT 1 FROM document WHERE registerId = ? AND seriesKey = ? AND number = ? AND numberSuffix = ?")
            let now = try timestamp(db)
            var firstId: Int64?
            var lastId: Int64?
            let rowCount = table.rows.count - sheet.firstDataRow
            for index in sheet.firstDataRow..<table.rows.count {
                if (index - sheet.firstDataRow) % 512 == 0 {
                    try context.report(.importing, .rows, done: index - sheet.firstDataRow, total: rowCount)
                }
                let cells = table.rows[index]
                guard cells.contains(where: { $0 != .empty && !VietnameseText.trimmingSpaces($0.text).isEmpty }) else { continue }
                // The row a book exported by vanthu gives a skipped number is not a document.
                if cells.contains(where: { VietnameseText.trimmingSpaces($0.text) == RegisterCellText.missingNumber }) { continue }
                report.rowsRead += 1
                let line = table.lineNumber(ofRow: index)
                do {
                    if let damage = table.damaged[index] { throw RowProblem(reason: damage) }
                    if table.uniformRows, cells.count != headingWidth {
                        throw RowProblem(
                            reason: Bilingual(
                                vi: "có \(cells.count) trường, dòng tiêu đề có \(headingWidth) (thiếu hoặc thừa dấu phân cách?)",
                                en: "has \(cells.count) fields where the heading row has \(headingWidth) (a missing or extra delimiter?)"))
                    }
                    let d = try reader.read(cells, row: line)
                    let register: Register
                    do {
                        register = try session.register(kind: d.kind, covering: d.registerDate)
                    } catch let error as RegistryError {
                        throw RowProblem(reason: error.text)
                    }
                    let seriesKey = register.perType ? d.type.code : ""
                    let key = "\(register.id)|\(seriesKey)|\(d.number)|\(d.suffix)"
                    let seriesName = "\(register.id)|\(seriesKey)"
                    if let first = taken[key] {
                        imported[seriesName]?.duplicates.append(d.number)
                        throw RowProblem(
                            reason: Bilingual(
                                vi: "số \(d.number)\(d.suffix) đã có ở dòng \(first) của tệp",
                                en: "number \(d.number)\(d.suffix) is already on row \(first) of the file"))
                    }
                    if try Bool.fetchOne(exists, arguments: [register.id, seriesKey, d.number, d.suffix]) == true {
                        throw RowProblem(
                            reason: Bilingual(
                                vi: "số \(d.number)\(d.suffix) đã có trong \(register.title) (tệp đã nhập rồi?)",
                                en: "number \(d.number)\(d.suffix) is already in \(register.title) (imported before?)"))
                    }
                    taken[key] = d.row
                    let duplicateKey = d.kind == .incoming ? d.notation.map { CheckedIncoming.duplicateKey($0, issuer: d.organName) } : nil
                    let row = DocumentRow(
                        kind: d.kind, registerId: register.id, seriesKey: seriesKey, number: d.number, numberSuffix: d.suffix,
                        registerDate: d.registerDate, organName: d.organName, notation: d.notation, issuedDate: d.issuedDate,
                        typeCode: d.type.code, typeName: d.type.name, subject: d.subject, handler: d.handler, coHandlers: d.coHandlers,
                        transferDate: d.transferDate, dueDate: d.dueDate, pageAmount: d.pages, note: d.note, urgency: d.urgency,
                        signer: d.signer.map { Signer(capacity: nil, position: $0.position, fullName: $0.fullName) }, archiveCopy: d.archiveCopy,
                        issuedAmount: d.copies, duplicateKey: duplicateKey, registeredAt: now, registeredBy: context.user,
                        voided: d.voidReason.map { VoidRecord(at: d.voidedOn ?? now, by: d.voidedBy ?? context.user, reason: $0) })
                    let rowId = try row.append(db)
                    let id = rowId
                    for (position, name) in d.recipients.enumerated() {
                        let recipient = RecipientRow(documentId: id, position: position + 1, name: name)
                        try recipient.append(db)
                    }
                    if firstId == nil { firstId = id }
                    lastId = id
                    if d.suffix.isEmpty { imported[seriesName, default: (register, seriesKey, [], [])].numbers.append(d.number) }
                    report.imported += 1
                } catch let problem as RowProblem {
                    report.problems.append(.init(row: line, reason: problem.reason))
                }
            }
            guard report.rowsRead > 0 else { throw ImportError.nothingToImport(path: file) }
            var liveGap: ImportError?
            report.series = try imported.values.sorted { ($0.register.start, $0.seriesKey) < ($1.register.start, $1.seriesKey) }.map { entry in
                let all = try Int.fetchAll(
                    db, sql: "SELECT DISTINCT number FROM document WHERE registerId = ? AND seriesKey = ? ORDER BY number",
                    arguments: [entry.register.id, entry.seriesKey])
                let next =
                    (try? RegistrationService(store: store).allocateNumber(register: entry.register, seriesKey: entry.seriesKey, subNumberOf: nil, db)
                        .0) ?? (all.last ?? 0) + 1
                let series = ImportReport.Series(
                    register: entry.register.title, seriesKey: entry.seriesKey, imported: entry.numbers.count,
                    first: entry.numbers.min() ?? 0, last: entry.numbers.max() ?? 0, gaps: Self.gaps(all),
                    duplicates: entry.duplicates, nextNumber: next)
                // Live numbering goes on after the highest number: in the register in use, every
                // number from the series' first must be there.
                if !options.allowGaps, liveGap == nil, entry.register.start <= context.today, context.today <= entry.register.end {
                    let first = try SeriesStartRecord.firstNumber(register: entry.register.id, seriesKey: entry.seriesKey, db) ?? 1
                    let missing = Self.gaps([first - 1] + all.filter { $0 >= first })
                    if !missing.isEmpty {
                        liveGap = .gapsInLiveSeries(
                            register: series.register + (series.seriesKey.isEmpty ? "" : " (\(series.seriesKey))"), gaps: missing, next: next)
                    }
                }
                return series
            }
            if options.dryRun {
                report.liveSeriesGaps = liveGap?.text
                return
            }
            if !report.problems.isEmpty && !options.skipBad { throw ImportError.badRows(report.problems) }
            if let liveGap { throw liveGap }
            report.committed = true
            try appendJournal(
                db, action: "import", entity: "register", entityId: nil, reference: (file as NSString).lastPathComponent,
                after: try JSONOutput.encode(ImportJournal(report: report, firstId: firstId, lastId: lastId), pretty: false))
        }
        return report
    }

    /// Missing numbers between the first and the last: ["17", "233–235"].
    static func gaps(_ sorted: [Int]) -> [String] {
        var gaps: [String] = []
        for (a, b) in zip(sorted, sorted.dropFirst()) where b > a + 1 {
            gaps.append(b == a + 2 ? "\(a + 1)" : "\(a + 1)–\(b - 1)")
        }
        return gaps
    }
}

/// The journal's one line for an import: the file, its hash, what came in.
private struct ImportJournal: Encodable {
    var file: String
    var sha256: String
    var sheet: String
    var direction: String
    var rowsRead: Int
    var imported: Int
    var skippedRows: [Int]
    var firstDocumentId: Int64?
    var lastDocumentId: Int64?
    var series: [ImportReport.Series]

    init(report: ImportReport, firstId: Int64?, lastId: Int64?) {
        file = report.file
        sha256 = report.sha256
        sheet = report.sheet
        direction = report.direction
        rowsRead = report.rowsRead
        imported = report.imported
        skippedRows = report.problems.map(\.row)
        firstDocumentId = firstId
        lastDocumentId = lastId
        series = report.series
    }
}
