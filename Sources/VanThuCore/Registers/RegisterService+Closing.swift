import Foundation
import GRDB

/// Đóng sổ, volumes and corrections after closing (ND30 Điều 16.2.b, 22.3.b): a printed,
/// signed book is the legal record, so once it is closed its entries no longer change; a new
/// volume (quyển số 2…) goes on with the same series.
extension RegisterService {
    /// The book of `kind` for `year`: the volume asked, else the latest.
    public func book(kind: RegisterKind, year: Int, volume: Int? = nil) throws -> Register {
        try read { db in try book(kind: kind, year: year, volume: volume, db) }
    }

    /// Every volume of `register`'s book (the registers of its kind ending the same day), in order.
    public func volumes(of register: Register) throws -> [Register] {
        try read { db in try volumes(of: register, db) }
    }

    func volumes(of register: Register, _ db: Database) throws -> [Register] {
        try RegisterRecord.all().of([register.kind]).filter(RegisterRecord.Columns.endDate == register.end.iso)
            .order(RegisterRecord.Columns.volume).fetchAll(db).map(\.register)
    }

    private func book(kind: RegisterKind, year: Int, volume: Int?, _ db: Database) throws -> Register {
        let registers = try RegisterRecord.all().of([kind]).overlapping(.firstDay(of: year), .lastDay(of: year))
            .order(RegisterRecord.Columns.startDate, RegisterRecord.Columns.volume).fetchAll(db).map(\.register)
        // The volumes of one book share its period's end; two books meet a year where a Party term ends.
        var books = Dictionary(grouping: registers, by: \.end).values.map { $0.sorted { $0.volume < $1.volume } }
            .sorted { $0[0].start < $1[0].start }
        if books.count > 1 {
            let beginning = books.filter { $0[0].start.year == year }
            if beginning.count == 1 { books = beginning }
        }
        guard books.count <= 1 else { throw BookError.severalBooks(kind: kind, year: year, titles: books.map { $0[0].title }) }
        guard let volumes = books.first, let last = volumes.last else { throw BookError.noBook(kind: kind, year: year, volume: volume) }
        guard let volume else { return last }
        guard let asked = volumes.first(where: { $0.volume == volume }) else { throw BookError.noBook(kind: kind, year: year, volume: volume) }
        return asked
    }

    /// The closing recorded for `register`, if it was closed.
    public func closing(of register: Register) throws -> RegisterClosing? {
        try read { db in try closing(of: register, db) }
    }

    private func closing(of register: Register, _ db: Database) throws -> RegisterClosing? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM registerClosing WHERE registerId = ?", arguments: [register.id]) else {
            return nil
        }
        let ranges = try JSONDecoder().decode([RegisterClosing.Range].self, from: Data((row["ranges"] as String).utf8))
        let closedAt: String = row["closedAt"]
        return RegisterClosing(
            register: register, day: LocalDate.parse(String(closedAt.prefix(10))) ?? register.end, closedBy: row["closedBy"],
            closerName: row["closerName"], place: row["place"], pages: row["pages"], entries: row["entries"], ranges: ranges,
            voided: row["voided"], missing: row["missing"], pdfSHA256: row["pdfSHA256"])
    }

    /// The figures of `register`'s closing as of now, before its book is printed: the pages
    /// are counted by the printing, the PDF's hash after it. Refuses a closed or empty book.
    public func prepareClosing(of register: Register, closerName: String? = nil) throws -> PreparedClosing {
        try requirePermission(.registers)
        guard register.kind != .copy else { throw BookError.noPrintedBook(register.kind) }
        return try read { db in
            if let closed = try closing(of: register, db) { throw BookError.alreadyClosed(register.title, closedOn: closed.day) }
            let rows = try seriesFigures(of: register, db)
            guard !rows.isEmpty else { throw BookError.emptyBook(register.title) }
            let ranges = rows.map(\.range)
            let missing = rows.map { max(0, $0.range.last - $0.range.first + 1 - $0.numbers) }
            let name = VietnameseText.nonEmpty(closerName) ?? context.account?.displayName ?? context.user
            let closing = RegisterClosing(
                register: register, day: context.today, closedBy: context.user, closerName: name,
                place: try organization(db).place ?? "", pages: 0, entries: rows.map(\.entries).reduce(0, +), ranges: ranges,
                voided: rows.map(\.voided).reduce(0, +), missing: missing.reduce(0, +), pdfSHA256: nil)
            return PreparedClosing(closing: closing, version: try bookVersion(register, db))
        }
    }

    /// The numbers of each series of `register` (one per type in a book with a series per type):
    /// what its cover and its closing block print.
    public func ranges(of register: Register, in period: RegisterPeriod) throws -> [RegisterClosing.Range] {
        try read { db in try seriesFigures(of: register, in: period, db).map(\.range) }
    }

    private func seriesFigures(
        of register: Register, in period: RegisterPeriod? = nil, _ db: Database
    ) throws -> [(range: RegisterClosing.Range, entries: Int, voided: Int, numbers: Int)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT seriesKey, COUNT(*) AS entries, COUNT(voidedAt) AS voided, MIN(number) AS first, MAX(number) AS last,
                    COUNT(DISTINCT CASE WHEN numberSuffix = '' THEN number END) AS numbers
                FROM document WHERE registerId = ? AND registerDate BETWEEN ? AND ? GROUP BY seriesKey ORDER BY seriesKey
                """,
            arguments: [register.id, (period?.start ?? register.start).iso, (period?.end ?? register.end).iso]
        ).map { row in
            (RegisterClosing.Range(series: row["seriesKey"], first: row["first"], last: row["last"]), row["entries"], row["voided"], row["numbers"])
        }
    }

    /// Records the closing of a book printed as `pages` pages whose PDF has `pdfSHA256`, if the
    /// book has not changed since ``prepareClosing(of:closerName:)``. From then on the book
    /// refuses registrations, edits and voids.
    public func close(_ prepared: PreparedClosing, pages: Int, pdfSHA256: String) throws -> RegisterClosing {
        try requirePermission(.registers)
        let register = prepared.closing.register
        return try write { db in
            if let closed = try closing(of: register, db) { throw BookError.alreadyClosed(register.title, closedOn: closed.day) }
            guard try bookVersion(register, db) == prepared.version else { throw BookError.changedWhilePrinting(register.title) }
            var closing = prepared.closing
            closing.pages = pages
            closing.pdfSHA256 = pdfSHA256
            let at = try dayStamp(db)
            try db.execute(sql: "UPDATE register SET closedAt = ? WHERE id = ?", arguments: [at, register.id])
            let ranges = try JSONOutput.encode(closing.ranges, pretty: false)
            try db.execute(
                sql: """
                    INSERT INTO registerClosing (registerId, closedAt, closedBy, closerName, place, pages, entries, ranges, voided, missing, pdfSHA256)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    register.id, at, closing.closedBy, closing.closerName, closing.place, pages, closing.entries, ranges, closing.voided,
                    closing.missing, pdfSHA256,
                ])
            let after: [String: JSONValue] = [
                "register": .string(register.title), "volume": .number(Double(register.volume)), "pages": .number(Double(pages)),
                "entries": .number(Double(closing.entries)), "voided": .number(Double(closing.voided)),
                "missing": .number(Double(closing.missing)),
                "ranges": .array(
                    closing.ranges.map {
                        .object(["series": .string($0.series), "first": .number(Double($0.first)), "last": .number(Double($0.last))])
                    }), "closerName": .string(closing.closerName),
                "pdfSHA256": .string(pdfSHA256),
            ]
            try appendJournal(
                db, action: "close-register", entity: "register", entityId: register.id, reference: register.title,
                after: try JSONOutput.encode(after, pretty: false))
            return closing
        }
    }

    /// Opens the next volume of `kind`'s current book from today: its series go on from the
    /// previous volume's. The current volume must be closed first.
    public func openVolume(kind: RegisterKind) throws -> Register {
        try requirePermission(.registers)
        return try write { db in
            let today = context.today
            guard
                let current = try RegisterRecord.all().of([kind]).overlapping(today, today)
                    .order(RegisterRecord.Columns.startDate.desc, RegisterRecord.Columns.volume.desc).fetchOne(db)?.register
            else { throw BookError.noBook(kind: kind, year: today.year, volume: nil) }
            guard try closing(of: current, db) != nil else { throw BookError.volumeStillOpen(current.title) }
            guard current.start < today else { throw BookError.volumeSameDay(current.title, day: current.start) }
            let volumes = try volumes(of: current, db)
            let next = (volumes.map(\.volume).max() ?? current.volume) + 1
            let id = try NewRegisterRow(kind: kind, start: today, end: current.end, perType: current.perType, volume: next).append(db)
            let register = Register(id: id, kind: kind, start: today, end: current.end, volume: next, perType: current.perType)
            // Each series goes on after the highest number any earlier volume gave or declared.
            var starts: [String: Int] = [:]
            for volume in volumes {
                for row in try Row.fetchAll(
                    db, sql: "SELECT seriesKey, MAX(number) + 1 AS next FROM document WHERE registerId = ? GROUP BY seriesKey",
                    arguments: [volume.id])
                {
                    starts[row["seriesKey"]] = max(starts[row["seriesKey"]] ?? 1, row["next"])
                }
                for row in try Row.fetchAll(db, sql: "SELECT seriesKey, firstNumber FROM seriesStart WHERE registerId = ?", arguments: [volume.id]) {
                    starts[row["seriesKey"]] = max(starts[row["seriesKey"]] ?? 1, row["firstNumber"])
                }
            }
            for (key, first) in starts.sorted(by: { $0.key < $1.key }) {
                try SeriesStartRecord(registerId: id, seriesKey: key, firstNumber: first).insert(db)
            }
            let after: [String: JSONValue] = [
                "kind": .string(kind.rawValue), "startDate": .string(today.iso), "endDate": .string(current.end.iso),
                "volume": .number(Double(next)), "seriesStart": .object(starts.mapValues { .number(Double($0)) }),
            ]
            try appendJournal(
                db, action: "open-volume", entity: "register", entityId: id, reference: register.title,
                after: try JSONOutput.encode(after, pretty: false))
            return register
        }
    }

    /// Writes a correction (đính chính) of a document whose book is closed: the entry stays as
    /// it was signed, the correction prints beside it.
    public func annotate(reference text: String, note: String) throws -> RegisterAnnotation {
        try requirePermission(.register)
        guard let note = try InputLimits.text(note, .note) else { throw RegistryError.emptyField(.note) }
        let reference = try DocumentReference(parsing: text)
        return try write { db in
            let document = try document(reference, text: text, db)
            guard let register = try RegisterRecord.filter(RegisterRecord.Columns.id == document.registerId).fetchOne(db)?.register else {
                throw RegistryError.storage("document \(document.id) has no register")
            }
            guard try closing(of: register, db) != nil else { throw BookError.notClosed(book: register.title, reference: document.reference) }
            let at = try dayStamp(db)
            try db.execute(
                sql: "INSERT INTO registerAnnotation (documentId, note, createdAt, createdBy) VALUES (?, ?, ?, ?)",
                arguments: [document.id, note, at, context.user])
            let annotation = RegisterAnnotation(id: db.lastInsertedRowID, documentId: document.id, note: note, day: context.today, by: context.user)
            try appendJournal(
                db, action: "annotate", entity: "document", entityId: document.id, reference: document.reference,
                after: try JSONOutput.encode(["note": note, "register": register.title], pretty: false))
            return annotation
        }
    }

    /// The corrections of the documents of `register`, by document, in the order written.
    public func annotations(of register: Register) throws -> [Int64: [RegisterAnnotation]] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.* FROM registerAnnotation a JOIN document d ON d.id = a.documentId
                    WHERE d.registerId = ? ORDER BY a.id
                    """,
                arguments: [register.id])
            return Dictionary(
                grouping: rows.map { row in
                    RegisterAnnotation(
                        id: row["id"], documentId: row["documentId"], note: row["note"],
                        day: LocalDate.parse(String((row["createdAt"] as String).prefix(10))) ?? register.end, by: row["createdBy"])
                }, by: \.documentId)
        }
    }

    /// What changes when the book's entries change: its documents and the journal's last word on them.
    private func bookVersion(_ register: Register, _ db: Database) throws -> String {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS count, MAX((SELECT MAX(j.id) FROM journal j WHERE j.entity = 'document' AND j.entityId = d.id)) AS last
                FROM document d WHERE d.registerId = ?
                """,
            arguments: [register.id])
        return "\(row?["count"] as Int? ?? 0):\(row?["last"] as Int64? ?? 0)"
    }
}

/// A book's closing figures taken before printing, with what its entries were then.
public struct PreparedClosing: Sendable {
    public var closing: RegisterClosing
    let version: String
}
