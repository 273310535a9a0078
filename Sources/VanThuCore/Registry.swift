import Foundation
import GRDB

/// The registers of one agency, kept in one SQLite file: the only way in and out of the data.
///
/// Every change runs in one short `BEGIN IMMEDIATE` transaction that also appends to the journal,
/// so several clerks (processes) can write the same file at once without ever sharing a number.
///
/// ```swift
/// let registry = try Registry.open(at: "vanthu.sqlite", context: RegistryContext())
/// let document = try registry.registerIncoming(draft)
/// ```
///
/// ## Topics
/// - ``create(at:organization:outgoingPerType:term:context:)``
/// - ``open(at:access:context:)``
/// - ``registerIncoming(_:)``
/// - ``registerOutgoing(_:)``
/// - ``void(reference:reason:)``
/// - ``document(reference:)``
/// - ``journal(reference:limit:)``
public final class Registry {
    /// Whether a command only reads.
    public enum Access: Sendable { case read, readWrite }

    public let path: String
    public let context: RegistryContext
    let dbQueue: DatabaseQueue
    /// Chains and seals the journal entries of each write.
    let sealer = JournalSealer()

    private init(path: String, dbQueue: DatabaseQueue, context: RegistryContext) {
        self.path = path
        self.dbQueue = dbQueue
        self.context = context
    }

    /// From here on, every commit must journal its changes (migrations run before).
    private func startJournaling() {
        dbQueue.add(transactionObserver: sealer, extent: .databaseLifetime)
    }

    /// A write past the process's file size limit (`ulimit -f`) fails with an error SQLite
    /// reports, instead of killing the process with SIGXFSZ half-way. Call once at start.
    public static func preferErrorsToSignals() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Closes the file, checkpointing the write-ahead log into it.
    public func close() {
        try? dbQueue.close()
    }

    // MARK: Opening

    /// Opens an existing database, refusing files that are missing, foreign, damaged, read-only
    /// (for writing) or made by a newer vanthu (for writing). Never creates a file.
    public static func open(at path: String, access: Access = .readWrite, context: RegistryContext) throws -> Registry {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegistryError.databaseNotFound(path: path)
        }
        guard !isDirectory.boolValue else { throw RegistryError.notAVanThuDatabase(path: path) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw RegistryError.databaseUnreadable(path: path)
        }
        if access == .readWrite, isMarkedReadOnly(path) { throw RegistryError.databaseReadOnly(path: path) }
        var configuration = Configuration()
        configuration.readonly = access == .read
        configuration.busyMode = .timeout(30)
        configuration.label = "vanthu"
        let dbQueue: DatabaseQueue
        do {
            dbQueue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw translate(error, path: path)
        }
        let registry = Registry(path: path, dbQueue: dbQueue, context: context)
        do {
            try registry.checkSchema(access: access)
            registry.startJournaling()
        } catch {
            registry.close()
            throw error
        }
        return registry
    }

    /// Creates a new database for an agency: schema, document types, numbering rules and, for a
    /// Party committee, the register of its current term. Refuses to touch an existing file.
    public static func create(
        at path: String, organization: Organization, outgoingPerType: Bool? = nil,
        term: (start: LocalDate, end: LocalDate)? = nil, context: RegistryContext
    ) throws -> Registry {
        let organization = try validated(organization)
        if organization.style == .party, term == nil { throw RegistryError.emptyField(.termStart) }
        if let term, term.end < term.start { throw RegistryError.dateOrder(earlier: .termStart, later: .termEnd) }
        if FileManager.default.fileExists(atPath: path) { throw RegistryError.databaseExists(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw RegistryError.cannotCreateDatabase(
                path: path, reason: Language.fromEnvironment() == .vi ? "thư mục “\(folder)” không tồn tại" : "folder “\(folder)” does not exist")
        }
        // Created owner-only before SQLite opens it: its -wal and -shm take the same mode.
        try OwnerOnly.createFile(path)
        let registry: Registry
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            configuration.journalMode = .wal
            let dbQueue = try DatabaseQueue(path: path, configuration: configuration)
            registry = Registry(path: path, dbQueue: dbQueue, context: context)
            try RegistryMigrator.make(user: context.user).migrate(dbQueue)
            registry.startJournaling()
            try registry.write { db in
                try registry.insert(organization, rules: SeriesRule.defaults(for: organization.style, outgoingPerType: outgoingPerType), db)
                if let term { try registry.createRegister(kind: .outgoing, start: term.start, end: term.end, perType: outgoingPerType ?? true, db) }
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw translate(error, path: path)
        }
        return registry
    }

    private static func validated(_ organization: Organization) throws -> Organization {
        var o = organization
        guard let name = VietnameseText.nonEmpty(o.name) else { throw RegistryError.emptyField(.organization) }
        guard let code = VietnameseText.nonEmpty(o.code) else { throw RegistryError.emptyField(.organizationCode) }
        guard code.allSatisfy({ $0.isLetter || $0.isASCIIDigit }) else {
            throw RegistryError.invalidCode(field: .organizationCode, value: code, examples: ["STTTT", "UBND", "BTGTU"])
        }
        o.name = name
        o.code = code
        o.parentName = VietnameseText.nonEmpty(o.parentName)
        o.place = VietnameseText.nonEmpty(o.place)
        o.organId = VietnameseText.nonEmpty(o.organId)
        return o
    }

    /// A file whose permission bits allow nobody to write is treated as read-only, even for root.
    private static func isMarkedReadOnly(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? NSNumber
        else { return false }
        return permissions.intValue & 0o222 == 0 || !FileManager.default.isWritableFile(atPath: path)
    }

    private func checkSchema(access: Access) throws {
        try perform {
            let migrator = RegistryMigrator.make(user: context.user)
            let (applicationID, superseded, complete) = try dbQueue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try migrator.hasBeenSuperseded(db),
                    try migrator.hasCompletedMigrations(db)
                )
            }
            guard applicationID == RegistryMigrator.applicationID else { throw RegistryError.notAVanThuDatabase(path: path) }
            if superseded, access == .readWrite { throw RegistryError.databaseTooNew(path: path) }
            if !complete, !superseded {
                guard access == .readWrite else { return }
                try migrator.migrate(dbQueue)
            }
        }
    }

    // MARK: Transactions and errors

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction; any error rolls everything back, and so
    /// does `commit: false` (a dry run that checks everything against the real data). The
    /// journal entries `body` appended are written at the end, chained and sealed.
    func write<T>(commit: Bool = true, _ body: (Database) throws -> T) throws -> T {
        try perform {
            try dbQueue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    guard commit else { return .rollback }
                    try sealer.flush(db)
                    return .commit
                }
                guard let result else { throw RegistryError.storage("transaction returned nothing") }
                return result
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try perform { try dbQueue.read(body) }
    }

    /// Translates SQLite's errors into messages a clerk can act on; never shows SQL.
    func perform<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Registry.translate(error, path: path)
        }
    }

    static func translate(_ error: any Error, path: String) -> any Error {
        if error is any ClerkFacingError { return error }
        guard let error = error as? DatabaseError else { return RegistryError.storage(String(describing: error)) }
        if error.resultCode == .SQLITE_CONSTRAINT, error.message?.hasPrefix("vanthu: archived") == true { return ArchiveError.archivedReadOnly }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return RegistryError.databaseBusy(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return RegistryError.databaseReadOnly(path: path)
        case .SQLITE_FULL: return RegistryError.diskFull(path: path)
        case .SQLITE_IOERR where [.SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE].contains(error.extendedResultCode):
            // EFBIG (a file size limit) and quota errors come as write errors, not SQLITE_FULL.
            return RegistryError.diskFull(path: path)
        case .SQLITE_NOTADB: return RegistryError.notAVanThuDatabase(path: path)
        case .SQLITE_CORRUPT: return RegistryError.databaseCorrupt(path: path)
        case .SQLITE_CANTOPEN:
            return RegistryError.cannotCreateDatabase(path: path, reason: Language.fromEnvironment() == .vi ? "không mở được tệp (thư mục thiếu hoặc không có quyền)" : "the file cannot be opened (missing folder or no permission)")
        default: return RegistryError.storage(error.message ?? "\(error.resultCode)")
        }
    }

    /// The transaction's timestamp, ISO 8601 with the local offset: `2021-08-20T09:15:02+07:00`.
    func timestamp(_ db: Database) throws -> String {
        Registry.iso8601(try db.transactionDate)
    }

    /// Formats with the C library: ISO8601DateFormatter costs a millisecond to create on Linux.
    static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        let offset = parts.tm_gmtoff / 60
        let sign = offset < 0 ? "-" : "+"
        let p = LocalDate.padded
        return "\(p(Int(parts.tm_year) + 1900, 4))-\(p(Int(parts.tm_mon) + 1, 2))-\(p(Int(parts.tm_mday), 2))T"
            + "\(p(Int(parts.tm_hour), 2)):\(p(Int(parts.tm_min), 2)):\(p(Int(parts.tm_sec), 2))"
            + "\(sign)\(p(abs(offset) / 60, 2)):\(p(abs(offset) % 60, 2))"
    }
}
