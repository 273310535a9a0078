import GRDB

/// A document received through the Trục liên thông (`exchange`).
struct ExchangeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "exchange"

    enum Columns {
        static let nationalId = Column("nationalId")
    }

    var documentId: Int64
    var nationalId: String
    var senderOrganId: String?
    var senderName: String?
    var outbox: String?
    var receivedAt: String
    var revokedAt: String?
    var revokedReason: String?
    var replacesDocumentId: Int64?
}

/// An agency of the exchange directory (`agency`): its mã định danh and name.
struct AgencyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "agency"

    enum Columns {
        static let name = Column("name")
    }

    var organId: String
    var name: String
    var addedAt: String
    var addedBy: String
}
