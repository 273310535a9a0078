import GRDB

/// Lookups every domain makes: a document by its reference, the organisation, the register that
/// covers a date, a document type; and the rule that an archived document is read-only.
extension RegistryService {
    /// What an output must never overwrite: the database, its companions and stored files.
    var protectedPaths: ProtectedPaths { ProtectedPaths(database: path) }

    /// The document `reference` names, if the working account may see it (``AccessRules``).
    func document(_ reference: DocumentReference, text: String, _ db: Database) throws -> Document {
        let document = try anyDocument(reference, text: text, db)
        guard AccessRules.canSee(document, by: context.account) else { throw AccountError.notYours(reference: document.reference) }
        return document
    }

    private func anyDocument(_ reference: DocumentReference, text: String, _ db: Database) throws -> Document {
        switch reference {
        case .id(let id):
            guard let document = try Document.fetch(db, id: id) else { throw RegistryError.documentNotFound(text) }
            return document
        case .number(let kind, let year, let typeCode, let number, let suffix):
            // `+` keeps SQLite on the index of numbers (v9), not the whole year of the register.
            let candidates = try Document.fetchAll(
                db, where: "d.kind = ? AND d.number = ? AND d.numberSuffix = ? AND +d.registerDate BETWEEN ? AND ?",
                arguments: [kind.rawValue, number, suffix, LocalDate.firstDay(of: year).iso, LocalDate.lastDay(of: year).iso]
            ).filter { typeCode == nil || $0.typeCode.uppercased() == typeCode?.uppercased() }
            guard let first = candidates.first else { throw RegistryError.documentNotFound(text) }
            guard candidates.count == 1 else { throw RegistryError.ambiguousReference(text, candidates: candidates.map(\.reference)) }
            return first
        }
    }

    /// Refuses a change to a document in a hồ sơ handed to the archive. The hand-over is read
    /// from the journal's chained `transfer-dossier` entry as well as from the hồ sơ's status,
    /// so un-archiving it by hand (dropping triggers, editing the status) does not unlock it.
    func ensureNotArchived(_ document: Document, _ db: Database) throws {
        if let dossier = try String.fetchOne(
            db,
            sql: """
                SELECT f.year || '/' || f.fileNotation FROM dossierDocument x JOIN dossier f ON f.id = x.dossierId
                WHERE x.documentId = ? AND (f.status = 'archived' OR EXISTS (
                    SELECT 1 FROM journal j WHERE j.entity = 'dossier' AND j.entityId = f.id AND j.action = 'transfer-dossier'))
                LIMIT 1
                """,
            arguments: [document.id])
        {
            throw ArchiveError.documentArchived(reference: document.reference, dossier: dossier)
        }
    }

    /// Refuses a change to a document whose book is closed (đóng sổ): corrections go in as annotations.
    func ensureBookOpen(_ document: Document, _ db: Database) throws {
        guard let register = try RegisterRecord.filter(RegisterRecord.Columns.id == document.registerId).fetchOne(db)?.register else { return }
        let recorded = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM registerClosing WHERE registerId = ?)", arguments: [register.id])
        guard register.closed || recorded == true else { return }
        throw BookError.closed(book: register.title, reference: document.reference)
    }

    func organization(_ db: Database) throws -> Organization {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM organization WHERE id = 1"),
            let style = DocumentStyle(rawValue: row["style"])
        else { throw RegistryError.notAVanThuDatabase(path: path) }
        return Organization(
            name: row["name"], code: row["code"], parentName: row["parentName"], place: row["place"], style: style, organId: row["organId"])
    }

    func seriesRules(_ db: Database) throws -> [SeriesRule] {
        try Row.fetchAll(db, SeriesRuleRecord.order(SeriesRuleRecord.Columns.kind)).compactMap { try? SeriesRuleRecord(row: $0).rule }
    }

    @discardableResult
    func createRegister(kind: RegisterKind, start: LocalDate, end: LocalDate, perType: Bool, _ db: Database) throws -> Register {
        let overlapping = try RegisterRecord.all().of([kind]).overlapping(start, end).fetchCount(db)
        guard overlapping == 0 else { throw RegistryError.registerOverlap(kind: kind, start: start, end: end) }
        let id = try NewRegisterRow(kind: kind, start: start, end: end, perType: perType).append(db)
        let register = Register(id: id, kind: kind, start: start, end: end, volume: 1, perType: perType, closed: false)
        let after: [String: String] = ["kind": kind.rawValue, "startDate": start.iso, "endDate": end.iso, "perType": perType ? "1" : "0"]
        try appendJournal(
            db, action: "create-register", entity: "register", entityId: register.id, reference: register.title,
            after: try JSONOutput.encode(after, pretty: false))
        return register
    }

    /// The register of `kind` covering `date`; a yearly register is opened on first use.
    func register(kind: RegisterKind, covering date: LocalDate, _ db: Database) throws -> Register {
        if let register = try RegisterRecord.all().of([kind]).overlapping(date, date).order(RegisterRecord.Columns.startDate.desc)
            .fetchOne(db)?.register
        {
            guard !register.closed else { throw RegistryError.registerClosed(register.title) }
            return register
        }
        let rule = try seriesRules(db).first(where: { $0.kind == kind }) ?? SeriesRule(kind: kind, period: .year, perType: false)
        guard rule.period == .year else { throw RegistryError.noRegisterForDate(kind: kind, date: date) }
        return try createRegister(kind: kind, start: .firstDay(of: date.year), end: .lastDay(of: date.year), perType: rule.perType, db)
    }

    /// Finds a type by code ("bc", "QĐ") or name ("Báo cáo"), in the preferred style's table first.
    func documentType(_ text: String, preferred: DocumentStyle, onlyPreferred: Bool = false, _ db: Database) throws -> DocumentType {
        let all = try DocumentTypeRecord.fetchAll(db).map(\.type)
        return try DocumentType.find(text, in: all, preferred: preferred, onlyPreferred: onlyPreferred)
    }

    func workingCalendar(_ db: Database) throws -> WorkingCalendar {
        // A row whose date cannot be read (a hand edit) is not a day of the calendar.
        let announced = try Row.fetchAll(db, CalendarDayRecord.all()).compactMap { try? CalendarDayRecord(row: $0).holiday }
        return WorkingCalendar(announced: announced)
    }
}
