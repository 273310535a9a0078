import GRDB

/// A file stored with a document, as written to `attachment` (never changed, never deleted).
struct AttachmentRow: MutablePersistableRecord {
    static let databaseTableName = "attachment"

    var id: Int64?
    var documentId: Int64
    var name: String
    var size: Int64
    var mediaType: String
    var sha256: String
    var addedAt: String
    var addedBy: String

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["documentId"] = documentId
        container["name"] = name
        container["size"] = size
        container["mediaType"] = mediaType
        container["sha256"] = sha256
        container["addedAt"] = addedAt
        container["addedBy"] = addedBy
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A new hồ sơ as written to `dossier`: planned in the Danh mục, or opened outside it. Only the
/// columns vanthu sets when it creates one; the rest keep the schema's defaults.
struct NewDossierRow: MutablePersistableRecord {
    static let databaseTableName = "dossier"

    var id: Int64?
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

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["year"] = year
        container["fileNotation"] = fileNotation
        container["title"] = title
        container["retention"] = retention?.stored
        container["creator"] = creator
        container["description"] = description
        container["headingId"] = headingId
        container["position"] = position
        container["status"] = status.rawValue
        container["startDate"] = startDate?.iso
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
