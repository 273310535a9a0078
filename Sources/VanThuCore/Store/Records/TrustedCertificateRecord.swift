import Foundation
import GRDB

/// A root certificate the agency trusts to check signatures (`trustedCertificate`).
struct TrustedCertificateRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "trustedCertificate"

    enum Columns {
        static let sha256 = Column("sha256")
        static let subject = Column("subject")
    }

    var sha256: String
    var subject: String
    var notAfter: String?
    var certificate: Data
    var addedAt: String
    var addedBy: String

    var entry: TrustedCertificate {
        TrustedCertificate(sha256: sha256, subject: subject, notAfter: notAfter, addedAt: addedAt, addedBy: addedBy)
    }
}
