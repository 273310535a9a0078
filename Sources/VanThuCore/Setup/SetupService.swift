import Foundation
import GRDB

extension SetupService {
    // MARK: Organization

    /// The agency keeping this database.
    public func organization() throws -> Organization {
        try read { db in try organization(db) }
    }

    func insert(_ organization: Organization, rules: [SeriesRule], _ db: Database) throws {
        try OrganizationRow(organization: organization, createdAt: try timestamp(db)).append(db)
        for rule in rules { try SeriesRuleRecord(rule).insert(db) }
        let after: [String: String?] = [
            "name": organization.name, "code": organization.code, "parentName": organization.parentName,
            "place": organization.place, "style": organization.style.rawValue, "organId": organization.organId,
        ]
        try appendJournal(db, action: "init", entity: "organization", entityId: 1, after: try JSONOutput.encode(after, pretty: false))
    }

    // MARK: Series rules and registers

    /// The numbering rules, one per register kind.
    public func seriesRules() throws -> [SeriesRule] {
        try read { db in try seriesRules(db) }
    }

    /// Chooses one series for all types, or one per type, for registers of `kind` from now on;
    /// registers of that kind that hold no document yet follow the new rule too.
    public func setSeriesRule(kind: RegisterKind, perType: Bool) throws -> SeriesRule {
        try requirePermission(.setup)
        return try write { db in
            guard let existing = try seriesRules(db).first(where: { $0.kind == kind }) else {
                throw RegistryError.invalidValue(field: .style, value: kind.rawValue, allowed: try seriesRules(db).map(\.kind.rawValue))
            }
            var rule = existing
            rule.perType = perType
            try SeriesRuleRecord(rule).update(db)
            for record in try RegisterRecord.all().of([kind]).fetchAll(db) where try DocumentTable.in(register: record.register.id).isEmpty(db) {
                try RegisterRecord.filter(key: record.register.id).updateAll(db, RegisterRecord.Columns.perType.set(to: perType))
            }
            try appendJournal(
                db, action: "set-rule", entity: "seriesRule", entityId: nil, reference: kind.rawValue,
                before: try JSONOutput.encode(["perType": existing.perType], pretty: false),
                after: try JSONOutput.encode(["perType": perType], pretty: false))
            return rule
        }
    }

    /// Declares a Party committee's term (nhiệm kỳ): the outgoing register whose per-type series
    /// run from `start` to `end`.
    public func addTerm(start: LocalDate, end: LocalDate) throws -> Register {
        try requirePermission(.setup)
        guard start <= end else { throw RegistryError.dateOrder(earlier: .termStart, later: .termEnd) }
        return try write { db in
            let perType = try seriesRules(db).first(where: { $0.kind == .outgoing })?.perType ?? true
            return try createRegister(kind: .outgoing, start: start, end: end, perType: perType, db)
        }
    }

    /// Continues a series that was kept on paper before vanthu: the next number given will be
    /// `firstNumber`. Allowed only while the series is still empty, and journaled.
    public func continueSeries(kind: RegisterKind, date: LocalDate?, typeCode: String?, firstNumber: Int) throws -> (Register, String) {
        try requirePermission(.setup)
        _ = try InputLimits.number(firstNumber)
        let date = date ?? context.today
        return try write { db in
            let register = try register(kind: kind, covering: date, db)
            var seriesKey = ""
            if register.perType {
                guard let typeCode else { throw RegistryError.emptyField(.typeCode) }
                seriesKey = try documentType(typeCode, preferred: try organization(db).style, db).code
            }
            guard try DocumentTable.in(register: register.id, seriesKey: seriesKey).isEmpty(db) else {
                throw RegistryError.seriesAlreadyStarted(register.title + (seriesKey.isEmpty ? "" : " (\(seriesKey))"))
            }
            let before = try SeriesStartRecord.firstNumber(register: register.id, seriesKey: seriesKey, db)
            try SeriesStartRecord(registerId: register.id, seriesKey: seriesKey, firstNumber: firstNumber).save(db)
            try appendJournal(
                db, action: "continue-series", entity: "register", entityId: register.id,
                reference: register.title + (seriesKey.isEmpty ? "" : " (\(seriesKey))"),
                before: try before.map { try JSONOutput.encode(["firstNumber": $0], pretty: false) },
                after: try JSONOutput.encode(["firstNumber": firstNumber], pretty: false))
            return (register, seriesKey)
        }
    }

    // MARK: Document types

    /// The document types of a style (both when nil), ordered by code.
    public func documentTypes(style: DocumentStyle? = nil) throws -> [DocumentType] {
        try read { db in
            try DocumentTypeRecord.all().of(style).orderedByCode().fetchAll(db).map(\.type)
        }
    }

    /// Adds a document type to the agency's table.
    public func addDocumentType(code: String, name: String, inNotation: Bool = true) throws -> DocumentType {
        try requirePermission(.setup)
        guard let code = VietnameseText.nonEmpty(code) else { throw RegistryError.emptyField(.typeCode) }
        guard code.allSatisfy({ $0.isLetter || $0.isASCIIDigit }) else {
            throw RegistryError.invalidCode(field: .typeCode, value: code, examples: ["QĐ", "TTr", "BC"])
        }
        guard let name = try InputLimits.text(name, .typeName) else { throw RegistryError.emptyField(.typeName) }
        return try write { db in
            let style = try organization(db).style
            let exists = try DocumentTypeRecord.all().of(style).fetchAll(db).contains { $0.type.code.uppercased() == code.uppercased() }
            guard !exists else { throw RegistryError.duplicateDocumentType(code) }
            let type = DocumentType(code: code, name: name, style: style, inNotation: inNotation)
            try NewDocumentTypeRow(type: type).append(db)
            try appendJournal(
                db, action: "add-type", entity: "documentType", entityId: nil, reference: code,
                after: try JSONOutput.encode(["code": code, "name": name, "style": style.rawValue], pretty: false))
            return type
        }
    }

}
