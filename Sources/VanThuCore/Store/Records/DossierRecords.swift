import GRDB

/// A hồ sơ as a GRDB record, with the number of documents filed in it; decodes to the public
/// ``Dossier``. Updates name their columns here too (``DossierRecord/update(_:_:_:)``).
struct DossierRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "dossier"
    static let filings = hasMany(DossierFiling.self)

    enum Columns {
        static let id = Column("id")
        static let year = Column("year")
        static let fileNotation = Column("fileNotation")
        static let title = Column("title")
        static let retention = Column("retention")
        static let creator = Column("creator")
        static let description = Column("description")
        static let position = Column("position")
        static let status = Column("status")
        static let startDate = Column("startDate")
        static let endDate = Column("endDate")
        static let pageTotal = Column("pageTotal")
        static let construction = Column("construction")
        static let transferDue = Column("transferDue")
        static let transferId = Column("transferId")
        static let hold = Column("hold")
        static let holdReason = Column("holdReason")
    }

    let dossier: Dossier
    /// Its line in the Danh mục; nil for a hồ sơ opened outside it.
    let position: Int?

    init(row: Row) {
        dossier = Dossier(row: row)
        position = row["position"]
    }

    /// Every hồ sơ with its document count (what ``Dossier/documentCount`` reads), as a
    /// correlated subquery: GRDB's association count (`filings.count`) counts distinct primary
    /// keys, which it does not implement for `dossierDocument` (WITHOUT ROWID, two-column key)
    /// and stops the process on.
    static func counted() -> QueryInterfaceRequest<DossierRecord> {
        let dossier = TableAlias<DossierRecord>()
        let documents = DossierFiling.filter(DossierFiling.Columns.dossierId == dossier[Columns.id])
            .select(count(DossierFiling.Columns.documentId))
        return all().aliased(dossier).annotated(with: documents.sqlExpression.forKey("documentCount"))
    }

    /// Sets columns of one hồ sơ. The triggers that keep archived hồ sơ read-only still run.
    static func update(_ id: Int64, _ db: Database, _ assignments: [ColumnAssignment]) throws {
        try filter(key: id).updateAll(db, assignments)
    }
}

extension DerivableRequest<DossierRecord> {
    /// The hồ sơ of one year (every year when nil).
    func of(year: Int?) -> Self {
        guard let year else { return self }
        return filter(DossierRecord.Columns.year == year)
    }

    /// The hồ sơ of one status (every status when nil).
    func of(status: Dossier.Status?) -> Self {
        guard let status else { return self }
        return filter(DossierRecord.Columns.status == status.rawValue)
    }

    /// One hồ sơ by its year and số và ký hiệu, the case of letters aside.
    func named(_ notation: String, year: Int) -> Self {
        filter(DossierRecord.Columns.year == year && DossierRecord.Columns.fileNotation.collating(.nocase) == notation)
    }

    /// The order of the Danh mục: by year, its planned hồ sơ in place, then those opened outside it.
    func inCatalogOrder() -> Self {
        order(
            DossierRecord.Columns.year, DossierRecord.Columns.position == nil, DossierRecord.Columns.position,
            DossierRecord.Columns.fileNotation)
    }
}

/// A document filed in a hồ sơ (`dossierDocument`): a link, never changed, removed only while
/// the hồ sơ is open.
struct DossierFiling: FetchableRecord, PersistableRecord {
    static let databaseTableName = "dossierDocument"
    static let dossier = belongsTo(DossierRecord.self)

    enum Columns {
        static let dossierId = Column("dossierId")
        static let documentId = Column("documentId")
        static let filedAt = Column("filedAt")
    }

    var dossierId: Int64
    var documentId: Int64
    var filedAt: String
    var filedBy: String

    init(dossierId: Int64, documentId: Int64, filedAt: String, filedBy: String) {
        (self.dossierId, self.documentId, self.filedAt, self.filedBy) = (dossierId, documentId, filedAt, filedBy)
    }

    init(row: Row) {
        dossierId = row["dossierId"]
        documentId = row["documentId"]
        filedAt = row["filedAt"]
        filedBy = row["filedBy"]
    }

    func encode(to container: inout PersistenceContainer) {
        container["dossierId"] = dossierId
        container["documentId"] = documentId
        container["filedAt"] = filedAt
        container["filedBy"] = filedBy
    }
}

extension DerivableRequest<DossierFiling> {
    func of(document documentId: Int64) -> Self { filter(DossierFiling.Columns.documentId == documentId) }
    func of(dossier dossierId: Int64) -> Self { filter(DossierFiling.Columns.dossierId == dossierId) }
}

/// A hand-over to the agency archive, as written to `archiveTransfer`.
struct ArchiveTransferRow: AppendedRow {
    static let databaseTableName = "archiveTransfer"
    static let columns = ["day", "deliveredBy", "receivedBy", "at", "user"]
    static let insertSQL = makeInsertSQL()

    var day: LocalDate
    var deliveredBy: String?
    var receivedBy: String?
    var at: String
    var user: String

    var values: [(any DatabaseValueConvertible)?] { [day.iso, deliveredBy, receivedBy, at, user] }
}

/// A đề mục of a year's Danh mục hồ sơ (`catalogHeading`), with its place among the lines.
struct CatalogHeadingRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "catalogHeading"

    enum Columns {
        static let year = Column("year")
        static let position = Column("position")
    }

    var position: Int
    var heading: CatalogHeading

    init(row: Row) {
        position = row["position"]
        heading = CatalogHeading(id: row["id"], level: row["level"], label: row["label"], title: row["title"])
    }
}

extension DerivableRequest<CatalogHeadingRecord> {
    /// The đề mục of one year, in the Danh mục's order.
    func of(year: Int) -> Self { filter(CatalogHeadingRecord.Columns.year == year).order(CatalogHeadingRecord.Columns.position) }
}

/// A new đề mục, as written to `catalogHeading`.
struct NewCatalogHeadingRow: AppendedRow {
    static let databaseTableName = "catalogHeading"
    static let columns = ["year", "position", "level", "label", "title"]
    static let insertSQL = makeInsertSQL()

    var year: Int
    var position: Int
    var level: Int
    var label: String
    var title: String

    var values: [(any DatabaseValueConvertible)?] { [year, position, level, label, title] }
}
