import Foundation
import GRDB
import HummingbirdBcrypt

/// The accounts of the office's web front (`vanthu user`, the server's login). Passwords are
/// hashed with bcrypt (cost 12, about a quarter of a second here: slow on purpose), never
/// journaled or shown; every change is journaled with who made it.
public struct AccountService: RegistryService {
    let store: RegistryStore

    public init(_ registry: Registry) { store = registry.store }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 10
    /// bcrypt's cost: 2^12 rounds.
    static let cost: UInt8 = 12

    /// Adds an account: at the terminal (whoever holds the file), or on the web by a quản trị.
    public func add(name: String, fullName: String?, role: AccountRole, unit: String?, password: String) throws -> Account {
        try requirePermission(.accounts)
        let name = try Self.validName(name)
        try Self.checkStrength(password, name: name)
        let hash = Bcrypt.hash(password, cost: Self.cost)
        return try write { db in
            guard try AccountRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [name]).fetchCount(db) == 0 else {
                throw AccountError.duplicateName(name)
            }
            var record = AccountRecord(
                id: nil, name: name, fullName: VietnameseText.nonEmpty(fullName), role: role.rawValue, unit: VietnameseText.nonEmpty(unit),
                passwordHash: hash, disabled: false, createdAt: try timestamp(db), createdBy: context.user)
            try record.insert(db)
            try appendJournal(
                db, action: "user-add", entity: "account", entityId: record.id, reference: name,
                after: try JSONOutput.encode(record.journaled, pretty: false))
            guard let account = record.account else { throw RegistryError.storage("account without id") }
            return account
        }
    }

    /// Every account, by login name.
    public func list() throws -> [Account] {
        try requirePermission(.accounts)
        return try read { db in
            guard try db.tableExists("account") else { return [] }
            return try AccountRecord.order(AccountRecord.Columns.name).fetchAll(db).compactMap(\.account)
        }
    }

    /// The account named `name` (regardless of case), enabled or not.
    public func account(named name: String) throws -> Account {
        try read { db in try record(named: name, db)?.account }.orThrow(AccountError.notFound(name))
    }

    /// Disables or enables an account; a disabled one cannot log in and its sessions end.
    public func setDisabled(_ disabled: Bool, name: String) throws -> Account {
        try requirePermission(.accounts)
        return try change(name: name, action: disabled ? "user-disable" : "user-enable") { record, db in
            if disabled, record.role == AccountRole.administrator.rawValue, !record.disabled {
                let others = try AccountRecord.filter(sql: "role = 'quan-tri' AND disabled = 0 AND id <> ?", arguments: [record.id]).fetchCount(db)
                if others == 0, try AccountRecord.fetchCount(db) > 1 { throw AccountError.lastAdministrator }
            }
            record.disabled = disabled
        }
    }

    /// Sets a new password: a quản trị for anyone, anyone for their own account.
    public func setPassword(name: String, password: String) throws -> Account {
        if context.account.map({ $0.name.lowercased() != name.lowercased() }) ?? false { try requirePermission(.accounts) }
        try Self.checkStrength(password, name: name)
        let hash = Bcrypt.hash(password, cost: Self.cost)
        return try change(name: name, action: "user-passwd") { record, _ in record.passwordHash = hash }
    }

    /// The enabled account whose password this is. The same error for an unknown name and a
    /// wrong password; an unknown name still costs a bcrypt check, so timing tells nothing.
    public func authenticate(name: String, password: String) throws -> Account {
        let record: AccountRecord? = try read { db in try db.tableExists("account") ? try self.record(named: name, db) : nil }
        guard let record, Bcrypt.verify(password, hash: record.passwordHash), let account = record.account else {
            if record == nil { _ = Bcrypt.verify(password, hash: Self.decoyHash) }
            throw AccountError.badCredentials
        }
        guard !account.disabled else { throw AccountError.disabled(account.name) }
        return account
    }

    /// The units named on accounts, for the routing forms' choices.
    public func units() throws -> [String] {
        try read { db in
            guard try db.tableExists("account") else { return [] }
            return try String.fetchAll(db, sql: "SELECT DISTINCT unit FROM account WHERE unit IS NOT NULL AND disabled = 0 ORDER BY unit")
        }
    }

    /// Accounts in a role (the leaders, for a "directed by" choice), enabled only.
    public func accounts(in role: AccountRole) throws -> [Account] {
        try read { db in
            guard try db.tableExists("account") else { return [] }
            return try AccountRecord.filter(AccountRecord.Columns.role == role.rawValue && AccountRecord.Columns.disabled == false)
                .order(AccountRecord.Columns.name).fetchAll(db).compactMap(\.account)
        }
    }

    // MARK: Rules

    static func validName(_ name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespaces)
        let allowed = name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0))
        }
        guard !name.isEmpty, name.count <= 64, allowed, name.first?.isLetter == true else { throw AccountError.invalidName(name) }
        return name
    }

    static func checkStrength(_ password: String, name: String) throws {
        guard password.count >= minimumPasswordLength, password.lowercased() != name.lowercased(), password.utf8.count <= 72 else {
            throw AccountError.weakPassword(minimum: minimumPasswordLength)
        }
    }

    /// A hash of nothing anybody knows, checked when the name is unknown.
    private static let decoyHash = Bcrypt.hash(UUID().uuidString, cost: cost)

    // MARK: Store

    private func record(named name: String, _ db: Database) throws -> AccountRecord? {
        try AccountRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [name.trimmingCharacters(in: .whitespaces)]).fetchOne(db)
    }

    private func change(
        name: String, action: String, _ body: (inout AccountRecord, Database) throws -> Void
    ) throws -> Account {
        try write { db in
            guard var record = try record(named: name, db) else { throw AccountError.notFound(name) }
            let before = record.journaled
            try body(&record, db)
            try record.update(db)
            try appendJournal(
                db, action: action, entity: "account", entityId: record.id, reference: record.name,
                before: try JSONOutput.encode(before, pretty: false), after: try JSONOutput.encode(record.journaled, pretty: false))
            guard let account = record.account else { throw RegistryError.storage("account without id") }
            return account
        }
    }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
