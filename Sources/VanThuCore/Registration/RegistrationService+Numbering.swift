import Foundation
import GRDB

extension RegistrationService {
    /// Registers an incoming document: checks it, refuses a duplicate, gives it the next số đến
    /// of the series its arrival date falls in, and journals it, in one transaction.
    ///
    /// - Throws: ``RegistryError`` for bad input, a duplicate, or a storage failure; nothing is
    ///   written then.
    public func registerIncoming(_ draft: IncomingDraft) throws -> Document {
        try registerIncoming(draft) { document, _ in document }
    }

    /// Registers, then runs `within` in the same transaction (what the exchange records of a
    /// document received as an envelope): both happen, or neither.
    func registerIncoming<T>(_ draft: IncomingDraft, within: (Document, Database) throws -> T) throws -> T {
        try requirePermission(.register)
        let checked = try CheckedIncoming(draft, today: context.today)
        // The original's bytes go into the content store first (kept once by hash; content no
        // record names is harmless), its record with the document's, in one transaction.
        let stored = try checked.originals.map { try AttachmentService(store: store).contentStore.store($0) }
        return try write { db in
            var session = try RegistrationSession(self, db)
            let document = try insert(checked, stored: stored, session: &session, db)
            return try within(document, db)
        }
    }

    /// Registers many incoming documents in one transaction: all of them, or none when any is
    /// refused (the error names the first bad one by its position, from 1).
    public func registerIncoming(batch drafts: [IncomingDraft]) throws -> [Document] {
        try requirePermission(.register)
        let checked = try drafts.enumerated().map { index, draft in
            do { return try CheckedIncoming(draft, today: context.today) } catch let error as RegistryError {
                throw RegistryError.batchItem(index + 1, cause: error)
            }
        }
        let stored = try checked.map { item in try item.originals.map { try AttachmentService(store: store).contentStore.store($0) } }
        return try write(bulk: true) { db in
            var session = try RegistrationSession(self, db)
            return try checked.enumerated().map { index, item in
                do { return try insert(item, stored: stored[index], session: &session, db) } catch let error as RegistryError {
                    throw RegistryError.batchItem(index + 1, cause: error)
                }
            }
        }
    }

    private func insert(_ c: CheckedIncoming, stored: [ContentStore.Stored], session: inout RegistrationSession, _ db: Database) throws -> Document {
        let type = try session.incomingType(code: c.typeCode, notation: c.notation)
        if let key = c.duplicateKey, !c.force,
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM document WHERE duplicateKey = ? AND voidedAt IS NULL LIMIT 1"), arguments: [key]),
            let existing = try Document.fetch(db, id: row["id"])
        {
            throw RegistryError.duplicateDocument(existing: existing.reference, registeredOn: existing.registerDate)
        }
        let register = try session.register(kind: c.secrecy == nil ? .incoming : .secretIncoming, covering: c.arrival)
        let seriesKey = register.perType ? type.code : ""
        let (number, suffix) = try session.allocate(register: register, seriesKey: seriesKey, subNumberOf: c.subNumberOf)
        let dossier = try c.fileNotation.map { try DossierService(store: store).dossierForFiling($0, year: c.arrival.year, db) }
        let now = try timestamp(db)
        let transferDate = c.handler == nil ? nil : context.today
        let row = DocumentRow(
            kind: register.kind, registerId: register.id, seriesKey: seriesKey, number: number, numberSuffix: suffix,
            registerDate: c.arrival, organName: c.issuer, notation: c.notation, issuedDate: c.issued, typeCode: type.code,
            typeName: type.name, subject: c.subject, handler: c.handler, transferDate: transferDate, dueDate: c.due,
            fileNotation: dossier?.fileNotation, pageAmount: c.pages, note: c.note, urgency: c.urgency, secrecy: c.secrecy,
            signer: c.signer, duplicateKey: c.duplicateKey, registeredAt: now, registeredBy: context.user,
            status: c.handler == nil ? .registered : .routed)
        let rowId = try row.append(db)
        let document = Document(
            id: rowId, kind: register.kind, registerId: register.id, seriesKey: seriesKey, number: number,
            numberSuffix: suffix, registerDate: c.arrival, organName: c.issuer, notation: c.notation, issuedDate: c.issued,
            typeCode: type.code, typeName: type.name, subject: c.subject, handler: c.handler, transferDate: transferDate,
            dueDate: c.due, fileNotation: dossier?.fileNotation, pageAmount: c.pages, note: c.note, urgency: c.urgency,
            secrecy: c.secrecy, signer: c.signer, recipients: [], archiveCopy: nil, issuedAmount: nil,
            registeredAt: now, registeredBy: context.user, voided: nil, status: c.handler == nil ? .registered : .routed,
            coHandlers: [], progress: nil, doneDate: nil, reply: nil)
        if !c.citations.isEmpty { try insertCitations(c.citations, documentId: document.id, db) }
        if let handler = c.handler, let transferDate {
            try HandlingService(store: store).insertStep(
                documentId: document.id, action: .route, day: transferDate, at: now, unit: handler, dueDate: c.due, db)
        }
        if let text = c.text {
            try db.cachedStatement(sql: "INSERT INTO documentText (documentId, text) VALUES (?, ?)").execute(arguments: [document.id, text])
        }
        try appendJournal(
            db, action: "register", entity: "document", entityId: document.id, reference: document.reference,
            after: Self.journaled(document, citations: c.citations))
        for (original, content) in zip(c.originals, stored) {
            try AttachmentService(store: store).insert(
                content, name: original.name, role: .original, signatures: original.signatures, document: document, db)
        }
        if let dossier { try DossierService(store: store).fileDocument(document, into: dossier, db) }
        return document
    }

    /// The journal's `after` of a registration: the document's fields, then the documents its
    /// text cites (`references`) when there are any; written straight into bytes.
    static func journaled(_ document: Document, citations: [Citation]) -> String {
        var writer = JSONWriter(pretty: false, capacity: 1024)
        writer.object { writer in
            document.writeFields(into: &writer)
            guard !citations.isEmpty else { return }
            writer.field("references", count: citations.count) { writer, index in citations[index].writeFields(into: &writer) }
        }
        return writer.text
    }

    private func insertCitations(_ citations: [Citation], documentId: Int64, _ db: Database) throws {
        for (position, citation) in citations.enumerated() {
            let row = CitationRow(documentId: documentId, position: position + 1, citation: citation)
            try row.append(db)
        }
    }

    /// Registers an outgoing document: gives it the next number of its series (chosen by its
    /// issue date), builds its ký hiệu, records its Nơi nhận and counts the copies to print.
    public func registerOutgoing(_ draft: OutgoingDraft) throws -> Document {
        try requirePermission(.register)
        guard let subject = try InputLimits.text(draft.summary, .summary) else { throw RegistryError.emptyField(.summary) }
        guard let typeText = VietnameseText.nonEmpty(draft.typeCode) else { throw RegistryError.emptyField(.typeCode) }
        guard let signerName = try InputLimits.text(draft.signer.fullName, .signer) else { throw RegistryError.emptyField(.signer) }
        let issued = draft.issuedDate ?? context.today
        let due = draft.dueDate
        try DocumentRules.checkOutgoing(issued: issued, due: due, today: context.today)
        let urgency = draft.urgency
        let secrecy = draft.secrecy
        let pages = try InputLimits.count(draft.pages)
        let note = try InputLimits.text(draft.note, .note)
        let capacity = try InputLimits.text(draft.signer.capacity, .position)
        let position = try InputLimits.text(draft.signer.position, .position)
        let recipients = try draft.recipients.compactMap(RecipientList.cleanEntry).map { try InputLimits.text($0, .recipient) ?? $0 }
        let unit = VietnameseText.nonEmpty(draft.unit)
        if let unit, !unit.allSatisfy({ $0.isLetter || $0.isASCIIDigit }) {
            throw RegistryError.invalidCode(field: .notation, value: unit, examples: ["TTBCBC", "VP", "TCCB"])
        }

        return try write { db in
            var session = try RegistrationSession(self, db)
            let organization = session.organization
            let type = try session.documentType(typeText, preferred: organization.style, onlyPreferred: true)
            let kind: RegisterKind =
                switch organization.style {
                case .state: type.isCopy ? .copy : (secrecy == nil ? .outgoing : .secretOutgoing)
                case .party: .outgoing
                }
            let register = try session.register(kind: kind, covering: issued)
            let seriesKey = register.perType ? type.code : ""
            let (number, suffix) = try session.allocate(register: register, seriesKey: seriesKey, subNumberOf: draft.subNumberOf)
            let codeNumber = NumberingRule.codeNumber(number, suffix: suffix)
            let codeNotation: String
            switch (organization.style, type.inNotation) {
            case (.state, true): codeNotation = "\(type.code)-\(organization.code)"
            case (.state, false):
                guard let unit else { throw RegistryError.notationNeedsUnit(typeName: type.name) }
                codeNotation = "\(organization.code)-\(unit)"
            case (.party, _): codeNotation = "\(type.code)/\(organization.code)"
            }
            let archive = draft.archive.flatMap(RecipientList.cleanArchive) ?? (unit.map { "VT, \($0)" } ?? "VT")
            let copies = recipients.count + RecipientList.archiveCopies(archive)
            let row = DocumentRow(
                kind: kind, registerId: register.id, seriesKey: seriesKey, number: number, numberSuffix: suffix, registerDate: issued,
                organName: organization.name, notation: DocumentNotation(number: codeNumber, notation: codeNotation, style: organization.style),
                issuedDate: issued, typeCode: type.code, typeName: type.name, subject: subject, dueDate: due, pageAmount: pages, note: note,
                urgency: urgency, secrecy: secrecy, signer: Signer(capacity: capacity, position: position, fullName: signerName),
                archiveCopy: archive, issuedAmount: copies, registeredAt: try timestamp(db), registeredBy: context.user)
            let rowId = try row.append(db)
            let id = rowId
            for (position, name) in recipients.enumerated() {
                let recipient = RecipientRow(documentId: id, position: position + 1, name: name)
                try recipient.append(db)
            }
            guard let document = try Document.fetch(db, id: id) else { throw RegistryError.storage("document \(id) vanished") }
            try appendJournal(db, action: "register", entity: "document", entityId: id, reference: document.reference, after: document.compactJSON)
            return document
        }
    }

    /// The next number of a series: one more than the highest ever given (voided ones count), or
    /// the series' declared first number; or the next free letter after `subNumberOf`.
    func allocateNumber(register: Register, seriesKey: String, subNumberOf base: Int?, _ db: Database) throws -> (Int, String) {
        if let base {
            let suffixes = try String.fetchAll(
                db, sql: "SELECT numberSuffix FROM document WHERE registerId = ? AND seriesKey = ? AND number = ?",
                arguments: [register.id, seriesKey, base])
            let reference = "\(register.kind.referencePrefix)/\(register.start.year)/\(base)"
            return (base, try NumberingRule.subNumber(of: base, taken: suffixes, reference: reference))
        }
        let highest = try Int.fetchOne(
            db, sql: "SELECT MAX(number) FROM document WHERE registerId = ? AND seriesKey = ?", arguments: [register.id, seriesKey])
        let first = try Int.fetchOne(
            db, sql: "SELECT firstNumber FROM seriesStart WHERE registerId = ? AND seriesKey = ?", arguments: [register.id, seriesKey])
        return (try NumberingRule.next(highest: highest, first: first), "")
    }

}
