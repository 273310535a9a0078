import Foundation
import GRDB

extension Registry {
    /// Registers an incoming document: checks it, refuses a duplicate, gives it the next số đến
    /// of the series its arrival date falls in, and journals it, in one transaction.
    ///
    /// - Throws: ``RegistryError`` for bad input, a duplicate, or a storage failure; nothing is
    ///   written then.
    public func registerIncoming(_ draft: IncomingDraft) throws -> Document {
        guard let issuer = VietnameseText.nonEmpty(draft.issuer) else { throw RegistryError.emptyField(.issuer) }
        guard let subject = VietnameseText.nonEmpty(draft.summary) else { throw RegistryError.emptyField(.summary) }
        let arrival = try draft.received.flatMap(VietnameseText.nonEmpty).map(LocalDate.init(parsing:)) ?? context.today
        guard arrival <= context.today else { throw RegistryError.dateInFuture(field: .arrivalDate, date: arrival, today: context.today) }
        let issued = try draft.issuedDate.flatMap(VietnameseText.nonEmpty).map(LocalDate.init(parsing:))
        if let issued, issued > arrival { throw RegistryError.dateOrder(earlier: .issuedDate, later: .arrivalDate) }
        let notation = try draft.notation.flatMap(VietnameseText.nonEmpty).map(DocumentNotation.init(parsing:))
        let due = try draft.dueDate.flatMap(VietnameseText.nonEmpty).map(LocalDate.init(parsing:))
        if let due, due < arrival { throw RegistryError.dateOrder(earlier: .arrivalDate, later: .dueDate) }
        let urgency = try draft.urgency.flatMap(VietnameseText.nonEmpty).map(Urgency.init(parsing:))
        let secrecy = try draft.secrecy.flatMap(VietnameseText.nonEmpty).map(Secrecy.init(parsing:))
        if let pages = draft.pages, pages <= 0 { throw RegistryError.invalidNumber(String(pages)) }
        let handler = VietnameseText.nonEmpty(draft.handler)
        let duplicateKey = notation.map { "\($0.comparisonKey)|\(VietnameseText.fold(issuer))" }

        return try write { db in
            let organization = try organization(db)
            let type = try incomingType(code: draft.typeCode, notation: notation, agencyStyle: organization.style, db)
            if let duplicateKey, !draft.force,
                let existing = try Document.fetchAll(db, where: "d.duplicateKey = ? AND d.voidedAt IS NULL", arguments: [duplicateKey]).first
            {
                throw RegistryError.duplicateDocument(existing: existing.reference, registeredOn: existing.registerDate)
            }
            let register = try register(kind: secrecy == nil ? .incoming : .secretIncoming, covering: arrival, db)
            let seriesKey = register.perType ? type.code : ""
            let (number, suffix) = try allocateNumber(register: register, seriesKey: seriesKey, subNumberOf: draft.subNumberOf, db)
            try db.execute(
                sql: """
                    INSERT INTO document (
                        kind, registerId, seriesKey, number, numberSuffix, registerDate, organName,
                        codeNumber, codeNotation, notationStyle, issuedDate, typeCode, typeName, subject,
                        handler, transferDate, dueDate, fileNotation, pageAmount, note, urgency, secrecy,
                        signerCapacity, signerPosition, signerFullName, duplicateKey, registeredAt, registeredBy)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    register.kind.rawValue, register.id, seriesKey, number, suffix, arrival.iso, issuer,
                    notation?.number, notation?.notation, notation?.style.rawValue, issued?.iso, type.code, type.name, subject,
                    handler, handler == nil ? nil : context.today.iso, due?.iso, VietnameseText.nonEmpty(draft.fileNotation),
                    draft.pages, VietnameseText.nonEmpty(draft.note), urgency?.rawValue, secrecy?.rawValue,
                    VietnameseText.nonEmpty(draft.signer?.capacity), VietnameseText.nonEmpty(draft.signer?.position),
                    VietnameseText.nonEmpty(draft.signer?.fullName), duplicateKey, timestamp(db), context.user,
                ])
            return try journalInsert(id: db.lastInsertedRowID, db)
        }
    }

    /// Registers an outgoing document: gives it the next number of its series (chosen by its
    /// issue date), builds its ký hiệu, records its Nơi nhận and counts the copies to print.
    public func registerOutgoing(_ draft: OutgoingDraft) throws -> Document {
        guard let subject = VietnameseText.nonEmpty(draft.summary) else { throw RegistryError.emptyField(.summary) }
        guard let typeText = VietnameseText.nonEmpty(draft.typeCode) else { throw RegistryError.emptyField(.typeCode) }
        guard let signerName = VietnameseText.nonEmpty(draft.signer.fullName) else { throw RegistryError.emptyField(.signer) }
        let issued = try draft.issuedDate.flatMap(VietnameseText.nonEmpty).map(LocalDate.init(parsing:)) ?? context.today
        guard issued <= context.today else { throw RegistryError.dateInFuture(field: .issuedDate, date: issued, today: context.today) }
        let due = try draft.dueDate.flatMap(VietnameseText.nonEmpty).map(LocalDate.init(parsing:))
        if let due, due < issued { throw RegistryError.dateOrder(earlier: .issuedDate, later: .dueDate) }
        let urgency = try draft.urgency.flatMap(VietnameseText.nonEmpty).map(Urgency.init(parsing:))
        let secrecy = try draft.secrecy.flatMap(VietnameseText.nonEmpty).map(Secrecy.init(parsing:))
        if let pages = draft.pages, pages <= 0 { throw RegistryError.invalidNumber(String(pages)) }
        let recipients = draft.recipients.compactMap(RecipientList.cleanEntry)
        let unit = VietnameseText.nonEmpty(draft.unit)
        if let unit, !unit.allSatisfy({ $0.isLetter || $0.isASCIIDigit }) {
            throw RegistryError.invalidValue(field: .notation, value: unit, allowed: ["TTBCBC", "VP", "TCCB"])
        }

        return try write { db in
            let organization = try organization(db)
            let type = try documentType(typeText, preferred: organization.style, onlyPreferred: true, db)
            let kind: RegisterKind =
                switch organization.style {
                case .state: type.isCopy ? .copy : (secrecy == nil ? .outgoing : .secretOutgoing)
                case .party: .outgoing
                }
            let register = try register(kind: kind, covering: issued, db)
            let seriesKey = register.perType ? type.code : ""
            let (number, suffix) = try allocateNumber(register: register, seriesKey: seriesKey, subNumberOf: draft.subNumberOf, db)
            let codeNumber = (number < 10 ? "0\(number)" : "\(number)") + suffix
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
            try db.execute(
                sql: """
                    INSERT INTO document (
                        kind, registerId, seriesKey, number, numberSuffix, registerDate, organName,
                        codeNumber, codeNotation, notationStyle, issuedDate, typeCode, typeName, subject,
                        dueDate, pageAmount, note, urgency, secrecy, signerCapacity, signerPosition,
                        signerFullName, archiveCopy, issuedAmount, registeredAt, registeredBy)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    kind.rawValue, register.id, seriesKey, number, suffix, issued.iso, organization.name,
                    codeNumber, codeNotation, organization.style.rawValue, issued.iso, type.code, type.name, subject,
                    due?.iso, draft.pages, VietnameseText.nonEmpty(draft.note), urgency?.rawValue, secrecy?.rawValue,
                    VietnameseText.nonEmpty(draft.signer.capacity), VietnameseText.nonEmpty(draft.signer.position),
                    signerName, archive, copies, timestamp(db), context.user,
                ])
            let id = db.lastInsertedRowID
            for (position, name) in recipients.enumerated() {
                try db.execute(sql: "INSERT INTO recipient (documentId, position, name) VALUES (?, ?, ?)", arguments: [id, position + 1, name])
            }
            return try journalInsert(id: id, db)
        }
    }

    /// The next number of a series: one more than the highest ever given (voided ones count), or
    /// the series' declared first number; or the next free letter after `subNumberOf`.
    func allocateNumber(register: Register, seriesKey: String, subNumberOf base: Int?, _ db: Database) throws -> (Int, String) {
        if let base {
            let suffixes = try String.fetchAll(
                db, sql: "SELECT numberSuffix FROM document WHERE registerId = ? AND seriesKey = ? AND number = ?",
                arguments: [register.id, seriesKey, base])
            guard suffixes.contains("") else { throw RegistryError.subNumberBaseMissing("\(register.kind.referencePrefix)/\(register.start.year)/\(base)") }
            guard let letter = "abcdefghijklmnopqrstuvwxyz".first(where: { !suffixes.contains(String($0)) }) else {
                throw RegistryError.invalidNumber("\(base)z")
            }
            return (base, String(letter))
        }
        let highest = try Int.fetchOne(
            db, sql: "SELECT MAX(number) FROM document WHERE registerId = ? AND seriesKey = ?", arguments: [register.id, seriesKey]) ?? 0
        let first = try Int.fetchOne(
            db, sql: "SELECT firstNumber FROM seriesStart WHERE registerId = ? AND seriesKey = ?", arguments: [register.id, seriesKey]) ?? 1
        return (max(highest + 1, first), "")
    }

    /// Reads back a document just inserted and journals it.
    private func journalInsert(id: Int64, _ db: Database) throws -> Document {
        guard let document = try Document.fetch(db, id: id) else { throw RegistryError.storage("document \(id) vanished") }
        try appendJournal(db, action: "register", entity: "document", entityId: id, reference: document.reference, after: try JSONOutput.encode(document, pretty: false))
        return document
    }

    /// The type of an incoming document: as given, else the code its ký hiệu carries, else a
    /// state công văn (whose ký hiệu carries no type code).
    private func incomingType(code: String?, notation: DocumentNotation?, agencyStyle: DocumentStyle, _ db: Database) throws -> DocumentType {
        let preferred = notation?.style ?? agencyStyle
        if let code = VietnameseText.nonEmpty(code) { return try documentType(code, preferred: preferred, db) }
        guard let notation else { throw RegistryError.emptyField(.typeCode) }
        if let candidate = notation.typeCodeCandidate, let type = try? documentType(candidate, preferred: preferred, onlyPreferred: true, db) {
            return type
        }
        guard notation.style == .state else { throw RegistryError.emptyField(.typeCode) }
        return try documentType(DocumentType.congVanCode, preferred: .state, onlyPreferred: true, db)
    }
}
