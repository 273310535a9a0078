import Foundation
import GRDB

/// What every service of a registry shares: the file, its one queue, the journal sealer and the
/// context (who, today). Only the store and the services in this module talk SQL.
final class RegistryStore: Sendable {
    let path: String
    let context: RegistryContext
    /// One serial queue (the command line), or a pool whose readers run beside the writer (the
    /// web front: many pages read at once while one request writes).
    let dbQueue: any DatabaseWriter
    /// Chains and seals the journal entries of each write.
    let sealer: JournalSealer

    init(path: String, dbQueue: any DatabaseWriter, context: RegistryContext) {
        self.path = path
        self.dbQueue = dbQueue
        self.context = context
        sealer = JournalSealer()
    }

    /// Another context over the same file: the queue and its sealer (the transaction observer
    /// of that queue) are shared, which is safe because both are only used inside the queue.
    init(sharing other: RegistryStore, context: RegistryContext) {
        path = other.path
        dbQueue = other.dbQueue
        sealer = other.sealer
        self.context = context
    }

    // MARK: Transactions and errors

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction; any error rolls everything back, and so
    /// does `commit: false` (a dry run that checks everything against the real data). The
    /// journal entries `body` appended are written at the end, chained and sealed. `bulk`: the
    /// documents `body` appends are indexed for search in one pass at its end
    /// (``SearchIndexDeferral``), for a batch or an import.
    ///
    /// A bulk write also keeps its temporary files in memory (`PRAGMA temp_store = MEMORY`, set
    /// around its transaction): each INSERT of a document (its UNIQUE number and its triggers)
    /// runs in a statement savepoint whose journal SQLite writes to a temporary file past 64 kB.
    /// Bulk registration of 30,000 documents: 4,998 → 6,475 /s. Only there: on every connection
    /// the export's sorter kept its 200,000 rows in memory too (peak 50 → 114 MB, `make bench`).
    func write<T>(commit: Bool = true, bulk: Bool = false, _ body: (Database) throws -> T) throws -> T {
        try perform {
            try dbQueue.writeWithoutTransaction { db in
                if bulk { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
                defer { if bulk { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") } }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try bulk ? SearchIndexDeferral.indexingAtEnd(db) { try body(db) } : body(db)
                    guard commit else { return .rollback }
                    try sealer.flush(db)
                    return .commit
                }
                guard let result else { throw RegistryError.storage("transaction returned nothing") }
                return result
            }
        }
    }

    /// Starts `body` in a read transaction of its own, on a second read-only connection to the
    /// file and another thread, while the caller goes on reading: a long check split in two
    /// uses both cores of the office's machine. Nil when the file cannot have a second
    /// connection (an in-memory database). The caller must prove that both transactions saw
    /// the same state (``BesideRead/wait()``), as SQLite gives no shared snapshot here.
    ///
    /// - Parameter ownTransaction: `body` runs outside any transaction, on a connection as
    ///   writable as this store's, and opens its own (a check that builds temporary tables).
    func readBeside<T: Sendable>(ownTransaction: Bool = false, _ body: @escaping @Sendable (Database) throws -> T) -> BesideRead<T>? {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file::memory:") else { return nil }
        let pending = BesideRead<T>()
        let path = self.path
        let readonly = !ownTransaction || dbQueue.configuration.readonly
        DispatchQueue.global(qos: .userInitiated).async {
            var configuration = Configuration()
            configuration.readonly = readonly
            configuration.busyMode = .timeout(30)
            configuration.label = "vanthu beside"
            pending.finish(
                try? {
                    let queue = try DatabaseQueue(path: path, configuration: configuration)
                    return try ownTransaction ? queue.writeWithoutTransaction(body) : queue.read(body)
                }())
        }
        return pending
    }

    /// Runs `body` in one read transaction.
    ///
    /// On the command line's queue it is a deferred transaction on the one connection rather
    /// than GRDB's `read`, which sets `PRAGMA query_only` on and off around it: setting a pragma
    /// flag expires every statement the connection has prepared (SQLite's OP_Expire), so each
    /// cached statement of the next write was compiled again, GRDB's authorizer reading every
    /// column — 12 % of receiving an edXML envelope (perf, 1,000 envelopes). A read that wrote
    /// anything is rolled back and refused, as `query_only` would have refused it.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try perform {
            guard dbQueue is DatabaseQueue else { return try dbQueue.read(body) }
            return try dbQueue.writeWithoutTransaction { db in
                var result: T?
                let changes = db.totalChangesCount
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    guard db.totalChangesCount == changes else { throw RegistryError.storage("a read changed the database") }
                    return .commit
                }
                guard let result else { throw RegistryError.storage("transaction returned nothing") }
                return result
            }
        }
    }

    /// Translates SQLite's errors into messages a clerk can act on; never shows SQL.
    func perform<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw RegistryStore.translate(error, path: path)
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
        case .SQLITE_IOERR
        where [.SQLITE_IOERR_WRITE, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE].contains(error.extendedResultCode):
            // EFBIG (a file size limit) and quota errors come as write errors, not SQLITE_FULL.
            return RegistryError.diskFull(path: path)
        case .SQLITE_NOTADB: return RegistryError.notAVanThuDatabase(path: path)
        case .SQLITE_CORRUPT: return RegistryError.databaseCorrupt(path: path)
        case .SQLITE_CANTOPEN:
            return RegistryError.cannotCreateDatabase(
                path: path,
                reason: Bilingual(
                    vi: "không mở được tệp (thư mục thiếu hoặc không có quyền)", en: "the file cannot be opened (missing folder or no permission)"))
        default: return RegistryError.storage(error.message ?? "\(error.resultCode)")
        }
    }

    /// The transaction's timestamp, ISO 8601 with the local offset: `2021-08-20T09:15:02+07:00`.
    func timestamp(_ db: Database) throws -> String {
        RegistryStore.iso8601(try db.transactionDate)
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

    // MARK: Journal

    func appendJournal(
        _ db: Database, action: String, entity: String, entityId: Int64?, reference: String? = nil, before: String? = nil, after: String? = nil
    ) throws {
        sealer.append(
            .init(
                at: try timestamp(db), user: context.user, action: action, entity: entity, entityId: entityId,
                reference: reference, before: before, after: after))
    }
}

/// The result of ``RegistryStore/readBeside(_:)``, once its thread is done.
final class BesideRead<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` and `done` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var result: T?
    private var done = false

    fileprivate func finish(_ value: T?) {
        condition.lock()
        result = value
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the other thread: its result, or nil when it failed in any way (the caller
    /// then does the work itself, and meets the error itself). Can be called again.
    func wait() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while !done { condition.wait() }
        return result
    }
}
