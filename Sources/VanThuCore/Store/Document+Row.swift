import Foundation
import GRDB

extension Document {
    /// The select list `init(row:)` reads, recipients folded into one JSON array.
    static let selection = """
        d.*, (SELECT json_group_array(name) FROM (
            SELECT name FROM recipient WHERE documentId = d.id ORDER BY position)) AS recipientsJSON
        """

    /// Decodes a row of `SELECT \(selection) FROM document d` by hand: export and lists read many
    /// rows, and Codable with key strategies is many times slower.
    init(row: Row) throws {
        guard let kind = RegisterKind(rawValue: row["kind"]),
            let registerDate = LocalDate.parse(row["registerDate"] as String? ?? "")
        else { throw RegistryError.storage("unreadable document row \(row["id"] as Int64? ?? 0)") }
        id = row["id"]
        self.kind = kind
        registerId = row["registerId"]
        seriesKey = row["seriesKey"]
        number = row["number"]
        numberSuffix = row["numberSuffix"]
        self.registerDate = registerDate
        organName = row["organName"]
        if let number: String = row["codeNumber"], let notation: String = row["codeNotation"],
            let style = DocumentStyle(rawValue: row["notationStyle"] as String? ?? "")
        {
            self.notation = DocumentNotation(number: number, notation: notation, style: style)
        } else {
            notation = nil
        }
        issuedDate = (row["issuedDate"] as String?).flatMap(LocalDate.parse)
        typeCode = row["typeCode"]
        typeName = row["typeName"]
        subject = row["subject"]
        handler = row["handler"]
        transferDate = (row["transferDate"] as String?).flatMap(LocalDate.parse)
        dueDate = (row["dueDate"] as String?).flatMap(LocalDate.parse)
        fileNotation = row["fileNotation"]
        pageAmount = row["pageAmount"]
        note = row["note"]
        urgency = (row["urgency"] as String?).flatMap(Urgency.init(rawValue:))
        secrecy = (row["secrecy"] as String?).flatMap(Secrecy.init(rawValue:))
        let signer = Signer(capacity: row["signerCapacity"], position: row["signerPosition"], fullName: row["signerFullName"])
        self.signer = signer == Signer() ? nil : signer
        let recipientsJSON: String = row["recipientsJSON"] ?? "[]"
        recipients = (try? JSONDecoder().decode([String].self, from: Data(recipientsJSON.utf8))) ?? []
        archiveCopy = row["archiveCopy"]
        issuedAmount = row["issuedAmount"]
        registeredAt = row["registeredAt"]
        registeredBy = row["registeredBy"]
        if let at: String = row["voidedAt"] {
            voided = VoidRecord(at: at, by: row["voidedBy"] ?? "", reason: row["voidReason"] ?? "")
        } else {
            voided = nil
        }
    }

    static func fetchAll(_ db: Database, where condition: String, arguments: StatementArguments = [], suffix: String = "") throws -> [Document] {
        let rows = try Row.fetchAll(db, sql: "SELECT \(selection) FROM document d WHERE \(condition) \(suffix)", arguments: arguments)
        return try rows.map(Document.init(row:))
    }

    static func fetch(_ db: Database, id: Int64) throws -> Document? {
        try fetchAll(db, where: "d.id = ?", arguments: [id]).first
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
            entityId: row["entityId"], reference: row["reference"], before: row["before"], after: row["after"])
    }
}
