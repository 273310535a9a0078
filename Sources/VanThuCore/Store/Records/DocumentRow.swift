import GRDB

/// A row of the `document` table as vanthu writes it: the one list of its columns. Registration
/// (incoming and outgoing) and import build one and append it; nothing else names the columns
/// of an INSERT. Reading stays with ``Document/init(row:)``, positional because lists and
/// exports decode many rows (a name lookup per cell doubled their cost). Values are listed by
/// hand, not derived from Codable: the import appends a hundred thousand rows.
struct DocumentRow: AppendedRow {
    static let databaseTableName = "document"

    var kind: RegisterKind
    var registerId: Int64
    var seriesKey: String
    var number: Int
    var numberSuffix: String
    var registerDate: LocalDate
    var organName: String
    var notation: DocumentNotation?
    var issuedDate: LocalDate?
    var typeCode: String
    var typeName: String
    var subject: String
    var handler: String? = nil
    var coHandlers: [String] = []
    var transferDate: LocalDate? = nil
    var dueDate: LocalDate? = nil
    var fileNotation: String? = nil
    var pageAmount: Int? = nil
    var note: String? = nil
    var urgency: Urgency? = nil
    var secrecy: Secrecy? = nil
    var signer: Signer? = nil
    var archiveCopy: String? = nil
    var issuedAmount: Int? = nil
    /// Incoming only: the key that finds the same document registered twice.
    var duplicateKey: String? = nil
    var registeredAt: String
    var registeredBy: String
    var voided: VoidRecord? = nil
    /// Incoming only: where its handling stands (nil for outgoing and imported documents).
    var status: HandlingStatus? = nil

    /// The columns vanthu writes, in the order of ``values``.
    static let columns = [
        "kind", "registerId", "seriesKey", "number", "numberSuffix", "registerDate", "organName", "codeNumber", "codeNotation", "notationStyle",
        "issuedDate", "typeCode", "typeName", "subject", "handler", "coHandlers", "transferDate", "dueDate", "fileNotation", "pageAmount", "note",
        "urgency", "secrecy", "signerCapacity", "signerPosition", "signerFullName", "archiveCopy", "issuedAmount", "duplicateKey", "registeredAt",
        "registeredBy", "voidedAt", "voidedBy", "voidReason", "status",
    ]
    static let insertSQL = makeInsertSQL()

    /// The row's values, in the order of ``columns``.
    var values: [(any DatabaseValueConvertible)?] {
        [
            kind.rawValue,
            registerId,
            seriesKey,
            number,
            numberSuffix,
            registerDate.iso,
            organName,
            notation?.number,
            notation?.notation,
            notation?.style.rawValue,
            issuedDate?.iso,
            typeCode,
            typeName,
            subject,
            handler,
            coHandlers.isEmpty ? nil : coHandlers.joined(separator: "\n"),
            transferDate?.iso,
            dueDate?.iso,
            fileNotation,
            pageAmount,
            note,
            urgency?.rawValue,
            secrecy?.rawValue,
            signer?.capacity,
            signer?.position,
            signer?.fullName,
            archiveCopy,
            issuedAmount,
            duplicateKey,
            registeredAt,
            registeredBy,
            voided?.at,
            voided?.by,
            voided?.reason,
            status?.rawValue,
        ]
    }
}

/// A recipient (nơi nhận) of an outgoing document, in the order of its Nơi nhận.
struct RecipientRow: AppendedRow {
    static let databaseTableName = "recipient"

    var documentId: Int64
    /// From 1.
    var position: Int
    var name: String

    /// The columns vanthu writes, in the order of ``values``.
    static let columns = ["documentId", "position", "name"]
    static let insertSQL = makeInsertSQL()

    /// The row's values, in the order of ``columns``.
    var values: [(any DatabaseValueConvertible)?] {
        [
            documentId,
            position,
            name,
        ]
    }
}
