import Foundation
import GRDB

/// A service of a registry: one domain's operations over the registry's shared store. The
/// members here are what every domain needs from the store: its transactions, its journal and
/// the lookups several domains make (a document by reference, the register of a date, a type).
protocol RegistryService {
    var store: RegistryStore { get }
}

extension RegistryService {
    var path: String { store.path }
    var context: RegistryContext { store.context }
    var dbQueue: any DatabaseWriter { store.dbQueue }

    func write<T>(commit: Bool = true, bulk: Bool = false, _ body: (Database) throws -> T) throws -> T {
        try store.write(commit: commit, bulk: bulk, body)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T { try store.read(body) }

    func perform<T>(_ body: () throws -> T) throws -> T { try store.perform(body) }

    func timestamp(_ db: Database) throws -> String { try store.timestamp(db) }

    /// A record's timestamp on the working day (`VANTHU_TODAY` included) at the real time: the
    /// day a void or a closing prints is the clerk's day.
    func dayStamp(_ db: Database) throws -> String {
        let real = try timestamp(db)
        return context.today.iso + real.dropFirst(10)
    }

    /// Refuses an action the working account's role does not allow (at the terminal, with no
    /// account, everything is allowed: whoever holds the file holds the registers).
    func requirePermission(_ permission: Permission) throws {
        guard let account = context.account, !AccessRules.may(account, permission) else { return }
        throw AccountError.forbidden(permission, role: account.role)
    }

    func appendJournal(
        _ db: Database, action: String, entity: String, entityId: Int64?, reference: String? = nil, before: String? = nil,
        after: String? = nil
    ) throws {
        try store.appendJournal(db, action: action, entity: entity, entityId: entityId, reference: reference, before: before, after: after)
    }
}
