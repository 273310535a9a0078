import Foundation
import GRDB

extension DossierService {
    private typealias Columns = DossierRecord.Columns

    // MARK: Opening and filing

    /// Opens a hồ sơ (ND30 Điều 29.2): one of the Danh mục, or a new one outside it, which then
    /// needs a title.
    public func openDossier(_ notation: String, year: Int, _ draft: DossierDraft) throws -> Dossier {
        let notation = try DossierService.checkedNotation(notation)
        let retention = draft.retention
        let start = draft.startDate ?? context.today
        return try write { db in
            if let existing = try existingDossier(notation, year: year, db) {
                guard existing.status == .planned else { throw ArchiveError.dossierExists(existing.reference) }
                var values = [Columns.status.set(to: Dossier.Status.open.rawValue), Columns.startDate.set(to: start.iso)]
                if let title = try InputLimits.text(draft.title, .dossierTitle) { values.append(Columns.title.set(to: title)) }
                if let retention { values.append(Columns.retention.set(to: retention.stored)) }
                if let creator = VietnameseText.nonEmpty(draft.creator) { values.append(Columns.creator.set(to: creator)) }
                if let description = VietnameseText.nonEmpty(draft.description) { values.append(Columns.description.set(to: description)) }
                return try updateDossier(existing, values, action: "open-dossier", db)
            }
            guard let title = try InputLimits.text(draft.title, .dossierTitle) else { throw ArchiveError.dossierNotFound("\(year)/\(notation)") }
            let row = NewDossierRow(
                year: year, fileNotation: notation, title: title, retention: retention, creator: VietnameseText.nonEmpty(draft.creator),
                description: VietnameseText.nonEmpty(draft.description), status: .open, startDate: start)
            let rowId = try row.append(db)
            let dossier = try dossier(id: rowId, db)
            try appendJournal(
                db, action: "open-dossier", entity: "dossier", entityId: dossier.id, reference: dossier.reference, after: dossier.json.compact)
            return dossier
        }
    }

    /// Files documents into a hồ sơ; a hồ sơ of the Danh mục not opened yet opens with its first
    /// document. One document may sit in several hồ sơ: it is linked, never copied. The first
    /// hồ sơ a document goes into is the one its ĐẾN stamp shows.
    public func file(_ references: [String], into notation: String, year: Int) throws -> DossierContents {
        let notation = try DossierService.checkedNotation(notation)
        guard !references.isEmpty else { throw RegistryError.nothingToChange }
        let parsed = try references.map { ($0, try DocumentReference(parsing: $0)) }
        return try write { db in
            let dossier = try dossierForFiling(notation, year: year, db)
            for (text, reference) in parsed {
                let document = try document(reference, text: text, db)
                try fileDocument(document, into: dossier, db)
            }
            return try contents(of: dossier, db)
        }
    }

    /// Takes documents out of an open hồ sơ (a duplicate or a draft found when closing it).
    public func unfile(_ references: [String], from notation: String, year: Int) throws -> DossierContents {
        let parsed = try references.map { ($0, try DocumentReference(parsing: $0)) }
        guard !parsed.isEmpty else { throw RegistryError.nothingToChange }
        return try write { db in
            let dossier = try requireDossier(notation, year: year, db)
            _ = try dossier.status.after(.unfile, reference: dossier.reference)
            for (text, reference) in parsed {
                let document = try document(reference, text: text, db)
                let removed = try DossierFiling.all().of(dossier: dossier.id).of(document: document.id).deleteAll(db)
                guard removed == 1 else { throw ArchiveError.notFiled(reference: document.reference, dossier: dossier.reference) }
                if document.fileNotation == dossier.fileNotation {
                    // The stamp now shows the hồ sơ it went into next, or none.
                    let next = try dossiers(ofDocument: document.id, db).first?.fileNotation
                    try DocumentTable.update(document.id, db, DocumentTable.Columns.fileNotation.set(to: next))
                }
                try appendJournal(
                    db, action: "unfile", entity: "document", entityId: document.id, reference: document.reference,
                    before: try JSONOutput.encode(["dossier": dossier.reference], pretty: false))
            }
            return try contents(of: dossier, db)
        }
    }

    /// The hồ sơ a document is filed into, opening a planned one; refuses closed and archived ones.
    func dossierForFiling(_ notation: String, year: Int, _ db: Database) throws -> Dossier {
        guard let dossier = try existingDossier(notation, year: year, db) else { throw ArchiveError.dossierNotFound("\(year)/\(notation)") }
        let next = try dossier.status.after(.file, reference: dossier.reference)
        guard next != dossier.status else { return dossier }
        return try updateDossier(
            dossier, [Columns.status.set(to: next.rawValue), Columns.startDate.set(to: context.today.iso)], action: "open-dossier", db)
    }

    func fileDocument(_ document: Document, into dossier: Dossier, _ db: Database) throws {
        if let voided = document.voided { throw RegistryError.alreadyVoided(document.reference, reason: voided.reason) }
        let filed = try DossierFiling.all().of(dossier: dossier.id).of(document: document.id).isEmpty(db) == false
        guard !filed else { throw ArchiveError.alreadyFiled(reference: document.reference, dossier: dossier.reference) }
        let now = try timestamp(db)
        try DossierFiling(dossierId: dossier.id, documentId: document.id, filedAt: now, filedBy: context.user).insert(db)
        if document.fileNotation == nil {
            try DocumentTable.update(document.id, db, DocumentTable.Columns.fileNotation.set(to: dossier.fileNotation))
        }
        try appendJournal(
            db, action: "file", entity: "document", entityId: document.id, reference: document.reference,
            after: try JSONOutput.encode(["dossier": dossier.reference], pretty: false))
    }

    // MARK: Closing, reopening, transfer

    /// Closes a hồ sơ whose work has ended (ND30 Điều 29.4): it must hold documents and have a
    /// retention period. Its transfer to the archive falls due a year later (3 months for XDCB).
    public func closeDossier(_ notation: String, year: Int, _ closing: DossierClosing) throws -> Dossier {
        let end = closing.endDate ?? context.today
        guard end <= context.today else { throw RegistryError.dateInFuture(field: .dossierEnd, date: end, today: context.today) }
        _ = try InputLimits.count(closing.pages)
        let retention = closing.retention
        return try write { db in
            let dossier = try requireDossier(notation, year: year, db)
            let next = try dossier.status.after(.close, reference: dossier.reference)
            let contents = try contents(of: dossier, db)
            guard let span = contents.span else { throw ArchiveError.dossierEmpty(dossier.reference) }
            guard retention ?? dossier.retention != nil else { throw ArchiveError.retentionMissing(dossier.reference) }
            let latest = max(span.last, contents.documents.map(\.registerDate).max() ?? span.last)
            guard end >= latest else { throw ArchiveError.endBeforeDocuments(dossier.reference, latest: latest) }
            let counted = contents.documents.compactMap(\.pageAmount)
            let pages = closing.pages ?? (counted.count == contents.documents.count ? counted.reduce(0, +) : nil)
            let due = closing.construction ? end.addingMonths(3) : end.addingYears(1)
            var values = [
                Columns.status.set(to: next.rawValue), Columns.endDate.set(to: end.iso), Columns.pageTotal.set(to: pages),
                Columns.construction.set(to: closing.construction), Columns.transferDue.set(to: due.iso),
            ]
            if dossier.startDate.map({ span.first < $0 }) ?? true { values.append(Columns.startDate.set(to: span.first.iso)) }
            if let retention { values.append(Columns.retention.set(to: retention.stored)) }
            return try updateDossier(dossier, values, action: "close-dossier", db)
        }
    }

    /// Reopens a closed hồ sơ that is not in the archive yet.
    public func reopenDossier(_ notation: String, year: Int) throws -> Dossier {
        try write { db in
            let dossier = try requireDossier(notation, year: year, db)
            let next = try dossier.status.after(.reopen, reference: dossier.reference)
            return try updateDossier(
                dossier, [Columns.status.set(to: next.rawValue), Columns.endDate.set(to: nil), Columns.transferDue.set(to: nil)],
                action: "reopen-dossier", db)
        }
    }

    /// Hands closed hồ sơ to the agency archive (ND30 Điều 30–31) in one transaction: they and
    /// their documents become read-only. `writeForms` runs inside the transaction, so when the
    /// Mục lục and Biên bản cannot be written nothing is marked archived.
    public func transfer(
        _ notations: [String], year: Int, day: LocalDate? = nil, deliveredBy: String? = nil, receivedBy: String? = nil,
        writeForms: (ArchiveTransfer) throws -> Void
    ) throws -> ArchiveTransfer {
        guard !notations.isEmpty else { throw RegistryError.nothingToChange }
        let day = day ?? context.today
        guard day <= context.today else { throw RegistryError.dateInFuture(field: .transferDate, date: day, today: context.today) }
        return try write { db in
            var dossiers: [Dossier] = []
            for notation in notations {
                let dossier = try requireDossier(notation, year: year, db)
                // Only a closed hồ sơ is handed over; each becomes `archived` below.
                _ = try dossier.status.after(.transfer, reference: dossier.reference)
                if !dossiers.contains(where: { $0.id == dossier.id }) { dossiers.append(dossier) }
            }
            let now = try timestamp(db)
            let transferId = try ArchiveTransferRow(
                day: day, deliveredBy: VietnameseText.nonEmpty(deliveredBy), receivedBy: VietnameseText.nonEmpty(receivedBy), at: now,
                user: context.user
            ).append(db)
            var contents: [DossierContents] = []
            for dossier in dossiers {
                let archived = try updateDossier(
                    dossier, [Columns.status.set(to: Dossier.Status.archived.rawValue), Columns.transferId.set(to: transferId)],
                    action: "transfer-dossier", db)
                contents.append(try self.contents(of: archived, db))
            }
            // A document in two of these hồ sơ is counted once: its files are handed over once.
            let documentIds = Set(contents.flatMap { $0.documents.map(\.id) })
            let files = try AttachmentRecord.all().of(documents: documentIds).fetchCount(db)
            let transfer = ArchiveTransfer(
                id: transferId, day: day, deliveredBy: VietnameseText.nonEmpty(deliveredBy), receivedBy: VietnameseText.nonEmpty(receivedBy),
                dossiers: contents, files: files)
            try writeForms(transfer)
            return transfer
        }
    }

    // MARK: Hold

    /// Blocks a hồ sơ from appraisal for destruction (a disposal hold), with a reason. Allowed on
    /// archived hồ sơ: it changes nothing in them, and it is journaled.
    public func holdDossier(_ notation: String, year: Int, reason: String) throws -> Dossier {
        guard let reason = try InputLimits.text(reason, .holdReason) else { throw RegistryError.emptyField(.holdReason) }
        return try write { db in
            let dossier = try requireDossier(notation, year: year, db)
            return try updateDossier(dossier, [Columns.hold.set(to: true), Columns.holdReason.set(to: reason)], action: "hold-dossier", db)
        }
    }

    public func releaseDossier(_ notation: String, year: Int) throws -> Dossier {
        try write { db in
            let dossier = try requireDossier(notation, year: year, db)
            guard dossier.hold != nil else { throw ArchiveError.noHold(dossier.reference) }
            return try updateDossier(dossier, [Columns.hold.set(to: false), Columns.holdReason.set(to: nil)], action: "release-dossier", db)
        }
    }

    // MARK: Reading

    /// A hồ sơ and its documents in DocOrdinal order.
    public func dossierContents(_ notation: String, year: Int) throws -> DossierContents {
        try read { db in
            let dossier = try requireDossier(notation, year: year, db)
            return try contents(of: dossier, db)
        }
    }

    /// The hồ sơ of a year (all years when nil), optionally of one status.
    public func dossiers(year: Int? = nil, status: Dossier.Status? = nil) throws -> [Dossier] {
        try read { db in
            try DossierRecord.counted().of(year: year).of(status: status).inCatalogOrder().fetchAll(db).map(\.dossier)
        }
    }

    /// The hồ sơ holding a document, in the order it was filed.
    public func dossiers(of reference: String) throws -> [Dossier] {
        let parsed = try DocumentReference(parsing: reference)
        return try read { db in
            let document = try document(parsed, text: reference, db)
            return try dossiers(ofDocument: document.id, db)
        }
    }

    func dossiers(ofDocument id: Int64, _ db: Database) throws -> [Dossier] {
        let filing = TableAlias<DossierFiling>()
        return try DossierRecord.counted()
            .joining(required: DossierRecord.filings.aliased(filing).of(document: id))
            .order(filing[DossierFiling.Columns.filedAt], DossierRecord.Columns.id)
            .fetchAll(db).map(\.dossier)
    }

    /// Closed hồ sơ due at the archive within `days` days, or late (Phụ lục VI III.5.b: a
    /// notice 30 days ahead). Only hồ sơ kept five years or more must go (ND30 Điều 31.3.c).
    public func dossiersDue(within days: Int = 30) throws -> [Dossier] {
        try dossiersDue(until: context.today.adding(days: max(0, days)))
    }

    /// `dossiersDue` for a limit as a clerk writes it: `30d`, `20wd`, or a date.
    public func dossiersDue(within deadline: Deadline) throws -> (limit: LocalDate, dossiers: [Dossier]) {
        let limit = deadline.resolved(from: context.today, calendar: try read { db in try workingCalendar(db) })
        return (limit, try dossiersDue(until: limit))
    }

    private func dossiersDue(until limit: LocalDate) throws -> [Dossier] {
        try read { db in
            try DossierRecord.counted().of(status: .closed).filter(Columns.transferDue <= limit.iso)
                .order(Columns.transferDue, Columns.year, Columns.fileNotation)
                .fetchAll(db).map(\.dossier)
                .filter { $0.retention?.mustBeTransferred ?? true }
        }
    }

    /// Hồ sơ whose retention has run out by the end of `year`: candidates for appraisal, which
    /// vanthu never deletes. Held hồ sơ are listed apart.
    public func expiringDossiers(year: Int) throws -> ExpiringDossiers {
        let all = try read { db in
            try DossierRecord.counted()
                .filter(
                    [Dossier.Status.closed, .archived].map(\.rawValue).contains(Columns.status) && Columns.retention != Retention.permanent.stored
                )
                .order(Columns.endDate, Columns.year, Columns.fileNotation)
                .fetchAll(db).map(\.dossier)
        }
        let due = all.filter { ($0.retentionEndYear ?? Int.max) <= year }
        return ExpiringDossiers(year: year, eligible: due.filter { $0.hold == nil }, held: due.filter { $0.hold != nil })
    }

    // MARK: Helpers

    func existingDossier(_ notation: String, year: Int, _ db: Database) throws -> Dossier? {
        try DossierRecord.counted().named(notation, year: year).fetchOne(db)?.dossier
    }

    func requireDossier(_ notation: String, year: Int, _ db: Database) throws -> Dossier {
        guard let dossier = try existingDossier(notation, year: year, db) else { throw ArchiveError.dossierNotFound("\(year)/\(notation)") }
        return dossier
    }

    func dossier(id: Int64, _ db: Database) throws -> Dossier {
        guard let record = try DossierRecord.counted().filter(key: id).fetchOne(db) else { throw ArchiveError.dossierNotFound(String(id)) }
        return record.dossier
    }

    func contents(of dossier: Dossier, _ db: Database) throws -> DossierContents {
        let documents = try Document.fetchAll(
            db, where: "d.id IN (SELECT documentId FROM dossierDocument WHERE dossierId = ?)", arguments: [dossier.id],
            suffix: "ORDER BY COALESCE(d.issuedDate, d.registerDate), d.registerDate, d.id")
        return DossierContents(dossier: dossier, documents: documents)
    }

    /// Updates a hồ sơ and journals it with before and after.
    private func updateDossier(
        _ dossier: Dossier, _ values: [ColumnAssignment], action: String, _ db: Database
    ) throws -> Dossier {
        try DossierRecord.update(dossier.id, db, values)
        let after = try self.dossier(id: dossier.id, db)
        try appendJournal(
            db, action: action, entity: "dossier", entityId: dossier.id, reference: dossier.reference, before: dossier.json.compact,
            after: after.json.compact)
        return after
    }

}
