import Foundation
import GRDB

extension Document {
    /// The columns `init(row:)` reads, in select order: read by position, not by name, because
    /// export and lists decode many rows and a name lookup per cell doubled the cost.
    enum Column: Int, CaseIterable {
        case id, kind, registerId, seriesKey, number, numberSuffix, registerDate, organName
        case codeNumber, codeNotation, notationStyle, issuedDate, typeCode, typeName, subject
        case handler, transferDate, dueDate, fileNotation, pageAmount, note, urgency, secrecy
        case signerCapacity, signerPosition, signerFullName, archiveCopy, issuedAmount
        case registeredAt, registeredBy, voidedAt, voidedBy, voidReason, status, coHandlers, progress
        case doneDate, reply, recipientsJSON
    }

    /// The select list `init(row:)` reads, recipients folded into one JSON array.
    static let selection =
        Column.allCases.dropLast().map { "d.\($0)" }.joined(separator: ", ") + """
            , (SELECT json_group_array(name) FROM (
                SELECT name FROM recipient WHERE documentId = d.id ORDER BY position)) AS recipientsJSON
            """

    /// `selection` without the recipients, for incoming documents (which have none): the
    /// follow-up list reads tens of thousands of them.
    static let selectionWithoutRecipients = Column.allCases.dropLast().map { "d.\($0)" }.joined(separator: ", ") + ", '[]' AS recipientsJSON"

    /// Decodes a row of `SELECT \(selection) FROM document d` by hand: export and lists read
    /// many rows, and Codable with key strategies is many times slower.
    init(row: Row) throws {
        func text(_ column: Column) -> String? { row[column.rawValue] }
        func date(_ column: Column) -> LocalDate? { text(column).flatMap(LocalDate.parse) }
        guard let kind = text(.kind).flatMap(RegisterKind.init(rawValue:)), let registerDate = date(.registerDate) else {
            throw RegistryError.storage("unreadable document row \(row[Column.id.rawValue] as Int64? ?? 0)")
        }
        id = row[Column.id.rawValue]
        self.kind = kind
        registerId = row[Column.registerId.rawValue]
        seriesKey = text(.seriesKey) ?? ""
        number = row[Column.number.rawValue]
        numberSuffix = text(.numberSuffix) ?? ""
        self.registerDate = registerDate
        organName = text(.organName) ?? ""
        if let number = text(.codeNumber), let notation = text(.codeNotation), let style = text(.notationStyle).flatMap(DocumentStyle.init(rawValue:))
        {
            self.notation = DocumentNotation(number: number, notation: notation, style: style)
        } else {
            notation = nil
        }
        issuedDate = date(.issuedDate)
        typeCode = text(.typeCode) ?? ""
        typeName = text(.typeName) ?? ""
        subject = text(.subject) ?? ""
        handler = text(.handler)
        transferDate = date(.transferDate)
        dueDate = date(.dueDate)
        fileNotation = text(.fileNotation)
        pageAmount = row[Column.pageAmount.rawValue]
        note = text(.note)
        urgency = text(.urgency).flatMap(Urgency.init(rawValue:))
        secrecy = text(.secrecy).flatMap(Secrecy.init(rawValue:))
        let signer = Signer(capacity: text(.signerCapacity), position: text(.signerPosition), fullName: text(.signerFullName))
        self.signer = signer == Signer() ? nil : signer
        let recipientsJSON = text(.recipientsJSON) ?? "[]"
        recipients = recipientsJSON == "[]" ? [] : (try? JSONDecoder().decode([String].self, from: Data(recipientsJSON.utf8))) ?? []
        archiveCopy = text(.archiveCopy)
        issuedAmount = row[Column.issuedAmount.rawValue]
        registeredAt = text(.registeredAt) ?? ""
        registeredBy = text(.registeredBy) ?? ""
        status = text(.status).flatMap(HandlingStatus.init(rawValue:)) ?? (kind.direction == .incoming ? .untracked : .registered)
        coHandlers = text(.coHandlers).map { $0.split(separator: "\n").map(String.init) } ?? []
        progress = text(.progress)
        doneDate = date(.doneDate)
        reply = text(.reply)
        if let at = text(.voidedAt) {
            voided = VoidRecord(at: at, by: text(.voidedBy) ?? "", reason: text(.voidReason) ?? "")
        } else {
            voided = nil
        }
    }

    static func fetchAll(
        _ db: Database, where condition: String, arguments: StatementArguments = [], suffix: String = "", withRecipients: Bool = true
    ) throws -> [Document] {
        let columns = withRecipients ? selection : selectionWithoutRecipients
        var documents: [Document] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM document d WHERE \(condition) \(suffix)", arguments: arguments)
        while let row = try rows.next() { documents.append(try Document(row: row)) }
        return documents
    }

    static func fetch(_ db: Database, id: Int64) throws -> Document? {
        try fetchAll(db, where: "d.id = ?", arguments: [id]).first
    }
}

extension FollowUpLine {
    /// The columns `init(row:)` reads, by position.
    private enum Column: Int, CaseIterable {
        case id, kind, number, numberSuffix, registerDate, typeName, subject, handler, coHandlers, dueDate, urgency, secrecy
    }

    static let selection = Column.allCases.map { "d.\($0)" }.joined(separator: ", ")

    /// Decodes a row of `SELECT \(selection) FROM document d` as ``Document/init(row:)`` does;
    /// its state is set by the list.
    init(row: Row) throws {
        func text(_ column: Column) -> String? { row[column.rawValue] }
        guard let kind = text(.kind).flatMap(RegisterKind.init(rawValue:)), let registerDate = text(.registerDate).flatMap(LocalDate.parse) else {
            throw RegistryError.storage("unreadable document row \(row[Column.id.rawValue] as Int64? ?? 0)")
        }
        self.init(
            id: row[Column.id.rawValue],
            displayNumber: Document.displayNumber(row[Column.number.rawValue], suffix: text(.numberSuffix) ?? "", direction: kind.direction),
            registerDate: registerDate, typeName: text(.typeName) ?? "", subject: text(.subject) ?? "", handler: text(.handler),
            coHandlers: text(.coHandlers).map { $0.split(separator: "\n").map(String.init) } ?? [],
            dueDate: text(.dueDate).flatMap(LocalDate.parse), urgency: text(.urgency).flatMap(Urgency.init(rawValue:)),
            secrecy: text(.secrecy).flatMap(Secrecy.init(rawValue:)), state: .dueSoon(days: 0))
    }
}

extension Register {
    init(row: Row) throws {
        guard let kind = RegisterKind(rawValue: row["kind"]),
            let start = LocalDate.parse(row["startDate"] as String? ?? ""),
            let end = LocalDate.parse(row["endDate"] as String? ?? "")
        else { throw RegistryError.storage("unreadable register row") }
        id = row["id"]
        self.kind = kind
        self.start = start
        self.end = end
        volume = row["volume"]
        perType = row["perType"]
        closed = (row["closedAt"] as String?) != nil
    }
}

extension DocumentType {
    init(row: Row) throws {
        guard let style = DocumentStyle(rawValue: row["style"]) else { throw RegistryError.storage("unreadable type row") }
        self.init(code: row["code"], name: row["name"], style: style, inNotation: row["inNotation"], isCopy: row["isCopy"], builtin: row["builtin"])
    }
}

extension JournalEntry {
    init(row: Row) {
        self.init(
            id: row["id"], at: row["at"], user: row["user"], action: row["action"], entity: row["entity"],
            entityId: row["entityId"], reference: row["reference"], before: row["before"], after: row["after"], hash: row["hash"])
    }
}
