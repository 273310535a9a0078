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

/// A handling step read back from `handlingStep`; decodes to the public ``HandlingStep``.
struct HandlingStepRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "handlingStep"

    enum Columns {
        static let id = Column("id")
        static let documentId = Column("documentId")
    }

    let step: HandlingStep

    init(row: Row) throws { step = try HandlingStep(row: row) }
}

extension DerivableRequest<HandlingStepRecord> {
    /// The steps of one document, oldest first.
    func of(_ documentId: Int64) -> Self {
        filter(HandlingStepRecord.Columns.documentId == documentId).order(HandlingStepRecord.Columns.id)
    }
}

/// A line of an outgoing document's Nơi nhận, read back from `recipient`.
struct ListedRecipient: FetchableRecord, TableRecord {
    static let databaseTableName = "recipient"

    enum Columns {
        static let documentId = Column("documentId")
        static let position = Column("position")
    }

    var id: Int64
    var name: String

    init(row: Row) {
        id = row["id"]
        name = row["name"]
    }
}

extension DerivableRequest<ListedRecipient> {
    /// The Nơi nhận of one document, in its order.
    func of(_ documentId: Int64) -> Self {
        filter(ListedRecipient.Columns.documentId == documentId).order(ListedRecipient.Columns.position)
    }
}

/// A copy already sent, read back from `dispatch`: to whom and when.
struct SentCopy: FetchableRecord, TableRecord {
    static let databaseTableName = "dispatch"

    enum Columns {
        static let id = Column("id")
        static let documentId = Column("documentId")
    }

    /// Nil for a copy sent outside the Nơi nhận.
    var recipientId: Int64?
    var recipientName: String
    var day: LocalDate?

    init(row: Row) {
        recipientId = row["recipientId"]
        recipientName = row["recipientName"]
        day = (row["day"] as String?).flatMap(LocalDate.parse)
    }
}

extension DerivableRequest<SentCopy> {
    /// The copies of one document, in the order they were sent.
    func of(_ documentId: Int64) -> Self { filter(SentCopy.Columns.documentId == documentId).order(SentCopy.Columns.id) }
}

/// A citation read back from `citation`; rows whose style cannot be read (a hand edit) are skipped.
struct CitationRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "citation"

    enum Columns {
        static let documentId = Column("documentId")
        static let position = Column("position")
    }

    let citation: Citation?

    init(row: Row) {
        guard let number = row["codeNumber"] as String?, let notation = row["codeNotation"] as String?,
            let style = DocumentStyle(rawValue: row["notationStyle"] as String? ?? "")
        else {
            citation = nil
            return
        }
        citation = Citation(
            typeName: row["typeName"], notation: DocumentNotation(number: number, notation: notation, style: style),
            issuedDate: (row["issuedDate"] as String?).flatMap(LocalDate.parse))
    }
}

extension DerivableRequest<CitationRecord> {
    /// The citations of one document, in the order of its text.
    func of(_ documentId: Int64) -> Self { filter(CitationRecord.Columns.documentId == documentId).order(CitationRecord.Columns.position) }
}
