import GRDB

/// A step of a document's handling as it is written to `handlingStep` (append-only).
struct HandlingStepRow: MutablePersistableRecord {
    static let databaseTableName = "handlingStep"

    var id: Int64?
    var documentId: Int64
    var action: HandlingStep.Action
    var day: LocalDate
    var at: String
    var user: String
    var person: String?
    var unit: String?
    var coUnits: [String]
    var dueDate: LocalDate?
    var text: String?
    var replyId: Int64?
    var reply: String?

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["documentId"] = documentId
        container["action"] = action.rawValue
        container["day"] = day.iso
        container["at"] = at
        container["user"] = user
        container["person"] = person
        container["unit"] = unit
        container["coUnits"] = coUnits.isEmpty ? nil : coUnits.joined(separator: "\n")
        container["dueDate"] = dueDate?.iso
        container["text"] = text
        container["replyId"] = replyId
        container["reply"] = reply
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A copy of an outgoing document sent to one recipient, as written to `dispatch`.
struct DispatchRow: MutablePersistableRecord {
    static let databaseTableName = "dispatch"

    var id: Int64?
    var documentId: Int64
    /// The Nơi nhận line it went to; nil for a recipient outside the list (`extra`).
    var recipientId: Int64?
    var recipientName: String
    var via: DispatchChannel
    var day: LocalDate
    var envelopes: Int
    var note: String?
    var at: String
    var user: String

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["documentId"] = documentId
        container["recipientId"] = recipientId
        container["recipientName"] = recipientName
        container["via"] = via.rawValue
        container["day"] = day.iso
        container["envelopes"] = envelopes
        container["extra"] = recipientId == nil
        container["note"] = note
        container["at"] = at
        container["user"] = user
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A document the text of another cites, as written to `citation`.
struct CitationRow: MutablePersistableRecord {
    static let databaseTableName = "citation"

    var id: Int64?
    var documentId: Int64
    /// From 1, in the order of the text.
    var position: Int
    var citation: Citation

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["documentId"] = documentId
        container["position"] = position
        container["typeName"] = citation.typeName
        container["codeNumber"] = citation.notation.number
        container["codeNotation"] = citation.notation.notation
        container["notationStyle"] = citation.notation.style.rawValue
        container["issuedDate"] = citation.issuedDate?.iso
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
