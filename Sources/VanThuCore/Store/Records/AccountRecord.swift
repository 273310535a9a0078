import Foundation
import GRDB

/// A person's account on the web front (`account`); the bcrypt hash never leaves the store.
struct AccountRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "account"

    enum Columns {
        static let id = Column("id")
        static let name = Column("name")
        static let role = Column("role")
        static let unit = Column("unit")
        static let disabled = Column("disabled")
    }

    var id: Int64?
    var name: String
    var fullName: String?
    var role: String
    var unit: String?
    var passwordHash: String
    var disabled: Bool
    var createdAt: String
    var createdBy: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var account: Account? {
        guard let id, let role = AccountRole(rawValue: role) else { return nil }
        return Account(id: id, name: name, fullName: fullName, role: role, unit: unit, disabled: disabled, createdAt: createdAt)
    }

    /// What the journal keeps of the account: everything but the hash.
    var journaled: [String: String?] {
        ["name": name, "fullName": fullName, "role": role, "unit": unit, "disabled": disabled ? "1" : "0"]
    }
}
