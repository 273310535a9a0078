import GRDB

/// A file stored with a document, as written to `attachment` (never changed, never deleted).
struct AttachmentRow: AppendedRow {
    static let databaseTableName = "attachment"

    var documentId: Int64
    var name: String
    var size: Int64
    var mediaType: String
    var sha256: String
    var addedAt: String
    var addedBy: String
    var role: Attachment.Role = .attachment
    /// What checking the file's signatures found when it was stored (a PDF), as JSON.
    var signatures: String? = nil

    /// The columns vanthu writes, in the order of ``values``.
    static let columns = ["documentId", "name", "size", "mediaType", "sha256", "addedAt", "addedBy", "role", "signatures"]
    static let insertSQL = makeInsertSQL()

    /// The row's values, in the order of ``columns``.
    var values: [(any DatabaseValueConvertible)?] {
        [
            documentId,
            name,
            size,
            mediaType,
            sha256,
            addedAt,
            addedBy,
            role.rawValue,
            signatures,
        ]
    }
}

/// A new hồ sơ as written to `dossier`: planned in the Danh mục, or opened outside it. Only the
/// columns vanthu sets when it creates one; the rest keep the schema's defaults.
struct NewDossierRow: AppendedRow {
    static let databaseTableName = "dossier"

    var year: Int
    var fileNotation: String
    var title: String
    var retention: Retention?
    var creator: String?
    var description: String?
    var headingId: Int64? = nil
    var position: Int? = nil
    var status: Dossier.Status
    var startDate: LocalDate? = nil

    /// The columns vanthu writes, in the order of ``values``.
    static let columns = ["year", "fileNotation", "title", "retention", "creator", "description", "headingId", "position", "status", "startDate"]
    static let insertSQL = makeInsertSQL()

    /// The row's values, in the order of ``columns``.
    var values: [(any DatabaseValueConvertible)?] {
        [
            year,
            fileNotation,
            title,
            retention?.stored,
            creator,
            description,
            headingId,
            position,
            status.rawValue,
            startDate?.iso,
        ]
    }
}

/// The `attachment` table for looking up what a document already holds.
enum AttachmentRecord: TableRecord {
    static let databaseTableName = "attachment"

    enum Columns {
        static let documentId = Column("documentId")
        static let name = Column("name")
        static let sha256 = Column("sha256")
    }
}

extension DerivableRequest<AttachmentRecord> {
    func of(document documentId: Int64) -> Self { filter(AttachmentRecord.Columns.documentId == documentId) }
    func of(documents ids: Set<Int64>) -> Self { filter(ids.contains(AttachmentRecord.Columns.documentId)) }
    func with(sha256: String) -> Self { filter(AttachmentRecord.Columns.sha256 == sha256) }
}
