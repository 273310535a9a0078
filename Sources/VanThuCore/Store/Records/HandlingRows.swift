import GRDB

/// A step of a document's handling as it is written to `handlingStep` (append-only).
struct HandlingStepRow: AppendedRow {
    static let databaseTableName = "handlingStep"

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

    /// The columns vanthu writes, in the order of ``values``.
    static let columns = ["documentId", "action", "day", "at", "user", "person", "unit", "coUnits", "dueDate", "text", "replyId", "reply"]
    static let insertSQL = makeInsertSQL()

    /// The row's values, in the order of ``columns``.
    var values: [(any DatabaseValueConvertible)?] {
        [
            documentId,
            action.rawValue,
            day.iso,
            at,
            user,
            person,
            unit,
            coUnits.isEmpty ? nil : coUnits.joined(separator: "\n"),
            dueDate?.iso,
            text,
            replyId,
            reply,
        ]
    }
}

/// A copy of an outgoing document sent to one recipient, as written to `dispatch`.
struct DispatchRow: AppendedRow {
    static let databaseTableName = "dispatch"

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

    /// The columns vanthu writes, in the order of ``values``.
    static let columns = ["documentId", "recipientId", "recipientName", "via", "day", "envelopes", "extra", "note", "at", "user"]
    static let insertSQL = makeInsertSQL()

    /// The row's values, in the order of ``columns``.
    var values: [(any DatabaseValueConvertible)?] {
        [
            documentId,
            recipientId,
            recipientName,
            via.rawValue,
            day.iso,
            envelopes,
            recipientId == nil,
            note,
            at,
            user,
        ]
    }
}

/// A document the text of another cites, as written to `citation`.
struct CitationRow: AppendedRow {
    static let databaseTableName = "citation"

    var documentId: Int64
    /// From 1, in the order of the text.
    var position: Int
    var citation: Citation

    /// The columns vanthu writes, in the order of ``values``.
    static let columns = ["documentId", "position", "typeName", "codeNumber", "codeNotation", "notationStyle", "issuedDate"]
    static let insertSQL = makeInsertSQL()

    /// The row's values, in the order of ``columns``.
    var values: [(any DatabaseValueConvertible)?] {
        [
            documentId,
            position,
            citation.typeName,
            citation.notation.number,
            citation.notation.notation,
            citation.notation.style.rawValue,
            citation.issuedDate?.iso,
        ]
    }
}
