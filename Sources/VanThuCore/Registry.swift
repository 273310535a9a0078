import Foundation
import GRDB

/// The registers of one agency, kept in one SQLite file: opens, creates and closes it. The work
/// is done by the services, each over the registry's one store:
///
/// ```swift
/// let registry = try Registry.open(at: "vanthu.sqlite", context: RegistryContext())
/// defer { registry.close() }
/// let document = try RegistrationService(registry).registerIncoming(draft)
/// try HandlingService(registry).route(reference: document.reference, routing)
/// ```
///
/// Every change runs in one short `BEGIN IMMEDIATE` transaction that also appends to the journal,
/// so several clerks (processes) can write the same file at once without ever sharing a number.
///
/// ## Topics
/// - ``create(at:organization:outgoingPerType:term:context:)``
/// - ``open(at:access:context:)``
/// - Services: ``RegistrationService``, ``DocumentService``, ``HandlingService``,
///   ``DispatchService``, ``DossierService``, ``AttachmentService``, ``CalendarService``,
///   ``JournalService``, ``SearchService``, ``ImportService``, ``BackupService``,
///   ``RegisterService``, ``SetupService``
public final class Registry: Sendable {
    /// Whether a command only reads.
    public enum Access: Sendable { case read, readWrite }

    let store: RegistryStore
    /// The database file.
    public var path: String { store.path }
    /// Who works and what day it is.
    public var context: RegistryContext { store.context }

    private init(path: String, dbQueue: any DatabaseWriter, context: RegistryContext) {
        store = RegistryStore(path: path, dbQueue: dbQueue, context: context)
    }

    private init(store: RegistryStore) { self.store = store }

    /// The same open file, worked by `account` (the web front, one request): the journal names
    /// the account, and the services check its permissions and what it may see. Writes still
    /// go through the file's one queue, so numbers stay gap-free across requests and processes.
    public func acting(as account: Account, today: LocalDate? = nil) -> Registry {
        var context = store.context
        context.user = account.name
        context.account = account
        if let today { context.today = today }
        return Registry(store: RegistryStore(sharing: store, context: context))
    }

    /// From here on, every commit must journal its changes (migrations run before).
    private func startJournaling() {
        store.dbQueue.add(transactionObserver: store.sealer, extent: .databaseLifetime)
    }

    /// A write past the process's file size limit (`ulimit -f`) fails with an error SQLite
    /// reports, instead of killing the process with SIGXFSZ half-way. Call once at start.
    public static func preferErrorsToSignals() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Closes the file, checkpointing the write-ahead log into it.
    public func close() {
        try? store.dbQueue.close()
    }

    // MARK: Opening

    /// Opens an existing database, refusing files that are missing, foreign, damaged, read-only
    /// (for writing) or made by a newer vanthu (for writing). Never creates a file.
    /// `concurrentReads` (a long-running server) opens a pool: reads run on their own
    /// connections beside the one writer, instead of waiting in one queue.
    public static func open(
        at path: String, access: Access = .readWrite, concurrentReads: Bool = false, context: RegistryContext
    ) throws -> Registry {
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
        let dbQueue: any DatabaseWriter
        do {
            if concurrentReads, access == .readWrite {
                configuration.maximumReaderCount = 4
                configuration.prepareDatabase { db in
                    // A long-running server: a 32 MB page cache per connection instead of the
                    // default 2 MB (a page re-read its indexes with one pread(2) per page, most
                    // of its 0.3 s in the kernel). Not for a command, whose memory stays flat.
                    // (A memory map was as fast for one reader but slower with several: 59
                    // pages/s with 4 browsers against 77 without, page faults contending.)
                    try db.execute(sql: "PRAGMA cache_size = -32768")
                }
                dbQueue = try DatabasePool(path: path, configuration: configuration)
            } else {
                dbQueue = try DatabaseQueue(path: path, configuration: configuration)
            }
        } catch {
            throw RegistryStore.translate(error, path: path)
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
                path: path, reason: Bilingual(vi: "thư mục “\(folder)” không tồn tại", en: "folder “\(folder)” does not exist"))
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
            let setup = SetupService(registry)
            try setup.write { db in
                try setup.insert(organization, rules: SeriesRule.defaults(for: organization.style, outgoingPerType: outgoingPerType), db)
                if let term { try setup.createRegister(kind: .outgoing, start: term.start, end: term.end, perType: outgoingPerType ?? true, db) }
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw RegistryStore.translate(error, path: path)
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

    /// Whether the file has exactly the migrations this build applies: neither older (a read-only
    /// open does not upgrade it) nor newer.
    public func schemaIsCurrent() throws -> Bool {
        try store.perform {
            let migrator = RegistryMigrator.make(user: context.user)
            return try store.dbQueue.read { db in try migrator.hasCompletedMigrations(db) && !migrator.hasBeenSuperseded(db) }
        }
    }

    private func checkSchema(access: Access) throws {
        try store.perform {
            let migrator = RegistryMigrator.make(user: context.user)
            let (applicationID, superseded, complete) = try store.dbQueue.read { db in
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
                try migrator.migrate(store.dbQueue)
            }
        }
    }

}
