import Foundation
import GRDB

/// The description a backup folder carries: `vanthu-backup.json`.
public struct BackupManifest: Codable, Sendable, Equatable {
    public var format: Int
    public var createdAt: String
    public var createdBy: String
    public var source: String
    /// The database file's name inside the folder.
    public var database: String
    public var sha256: String
    public var documents: Int
    public var journalEntries: Int
    public var attachments: Int
    public var files: Int
    /// The journal's last entry when the copy was made: an anchor outside the database, for
    /// `vanthu journal verify --expect` (absent in backups of older versions).
    public var journalHeadId: Int64?
    public var journalHeadHash: String?

    static let fileName = "vanthu-backup.json"
}

/// Numbers the database being replaced gave after the backup was made: restoring the backup
/// forgets them, and live numbering would give them again.
public struct ReissuedNumbers: Sendable, Equatable, Encodable {
    /// "Sổ đăng ký văn bản đến năm 2021", and the type code of a per-type series.
    public var register: String
    public var seriesKey: String
    /// The first and last number the backup does not know.
    public var first: Int
    public var last: Int
    /// den/2021/3, …
    public var references: [String]
}

extension BackupService {
    /// Writes a consistent copy of the database (SQLite's online backup, from one read
    /// snapshot, while other clerks keep writing) and of the stored files it refers to, into an
    /// empty or new folder, with a manifest holding the copy's SHA-256.
    public func backup(to folder: String) throws -> BackupManifest {
        try BackupService.prepareEmptyFolder(folder)
        let name = (path as NSString).lastPathComponent
        let copyPath = (folder as NSString).appendingPathComponent(name)
        do {
            try OwnerOnly.createFile(copyPath)
            let destination = try DatabaseQueue(path: copyPath)
            try perform {
                try dbQueue.backup(to: destination, pagesPerStep: 1024) { step in
                    try context.report(.backingUp, .pages, done: step.completedPageCount, total: step.totalPageCount)
                }
            }
            let (documents, journal, attachments, head) = try destination.read { db in
                (
                    try DocumentTable.fetchCount(db),
                    try JournalEntryRecord.fetchCount(db),
                    try Row.fetchAll(db, sql: "SELECT sha256, size FROM attachment").map {
                        (sha256: $0["sha256"] as String, size: $0["size"] as Int64)
                    },
                    try JournalChain.head(db)
                )
            }
            try destination.close()
            let copyStore = ContentStore(databasePath: copyPath)
            var copied = Set<String>()
            for attachment in attachments where !copied.contains(attachment.sha256) {
                if let problem = AttachmentService(store: store).contentStore.problem(sha256: attachment.sha256, size: attachment.size) {
                    throw ArchiveError.storeDamaged("\(attachment.sha256): \(problem.rawValue)")
                }
                _ = try copyStore.store(fileAt: AttachmentService(store: store).contentStore.path(of: attachment.sha256))
                copied.insert(attachment.sha256)
            }
            guard let digest = ContentStore.hash(path: copyPath) else {
                throw ArchiveError.fileUnreadable(path: copyPath, reason: FileReading.reason(path: copyPath))
            }
            let manifest = BackupManifest(
                format: 1, createdAt: RegistryStore.iso8601(Date()), createdBy: context.user, source: path, database: name, sha256: digest,
                documents: documents, journalEntries: journal, attachments: attachments.count, files: copied.count,
                journalHeadId: head.id == 0 ? nil : head.id, journalHeadHash: head.id == 0 ? nil : head.hash)
            let manifestPath = (folder as NSString).appendingPathComponent(BackupManifest.fileName)
            try JSONOutput.encode(manifest).write(toFile: manifestPath, atomically: true, encoding: .utf8)
            chmod(manifestPath, OwnerOnly.file)
            return manifest
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw RegistryStore.translate(error, path: copyPath)
        }
    }

    /// Brings a backup back to `target`, after checking it: every member a regular file (never
    /// a link), the copy against its manifest's SHA-256, its integrity, its journal and every
    /// stored file. The backup folder is only read (a backup on a read-only disc restores), and
    /// the checks run on the copy made at the target.
    ///
    /// An existing database is replaced only with `replace`, and is then kept beside it as
    /// `….before-restore-<time>`. When it gave numbers the backup does not know, restoring
    /// would give them again: refused with ``ArchiveError/restoreReissuesNumbers(_:)``
    /// unless `reissueNumbers`, and the restore's journal entry lists them.
    public static func restore(
        from folder: String, to target: String, replace: Bool, reissueNumbers: Bool = false, context: RegistryContext
    ) throws -> BackupManifest {
        let manifestPath = (folder as NSString).appendingPathComponent(BackupManifest.fileName)
        func notABackup(_ vietnamese: String, _ english: String) -> ArchiveError {
            .notABackup(path: folder, reason: Bilingual(vi: vietnamese, en: english))
        }
        guard FileChecks.isPlainFile(manifestPath), let data = FileManager.default.contents(atPath: manifestPath) else {
            throw FileManager.default.fileExists(atPath: manifestPath)
                ? notABackup("tệp \(BackupManifest.fileName) không phải tệp thường", "\(BackupManifest.fileName) is not a regular file")
                : notABackup("không có tệp \(BackupManifest.fileName)", "no \(BackupManifest.fileName) in it")
        }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data), manifest.format == 1 else {
            throw notABackup("tệp \(BackupManifest.fileName) hỏng", "\(BackupManifest.fileName) is damaged")
        }
        let copyPath = (folder as NSString).appendingPathComponent((manifest.database as NSString).lastPathComponent)
        guard FileChecks.isPlainFile(copyPath) else {
            throw FileManager.default.fileExists(atPath: copyPath) || FileChecks.exists(copyPath)
                ? notABackup(
                    "tệp cơ sở dữ liệu trong bản sao lưu là liên kết hoặc không phải tệp thường",
                    "the database file in the backup is a link or not a regular file")
                : notABackup("thiếu tệp cơ sở dữ liệu", "the database file is missing")
        }
        var targetInfo = stat()
        if lstat(target, &targetInfo) == 0, (targetInfo.st_mode & S_IFMT) != S_IFREG { throw RegistryError.outputNotAFile(path: target) }
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: target)
        if exists, !replace { throw ArchiveError.restoreTargetExists(path: target) }
        // The copy is made beside the target first, and checked there.
        let temporary = target + ".restoring"
        try? fm.removeItem(atPath: temporary)
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: temporary + suffix) } }
        guard try FileChecks.copy(copyPath, to: temporary) == manifest.sha256 else {
            throw notABackup("tệp cơ sở dữ liệu đã bị thay đổi so với lúc sao lưu", "the database file changed since the backup")
        }
        let copy = try Registry.open(at: temporary, access: .read, context: context)
        let report: VerifyReport
        let hashes: Set<String>
        let backupSeries: [String: Int]
        do {
            defer { copy.close() }
            report = try JournalService(copy).verify(store: ContentStore(databasePath: copyPath))
            hashes = try copy.store.read { db in try String.fetchSet(db, sql: "SELECT sha256 FROM attachment") }
            backupSeries = try copy.store.read { db in try BackupService.highestNumbers(db) }
        }
        guard report.isClean else {
            throw ArchiveError.notABackup(
                path: folder,
                reason: Bilingual(vi: report.findings(in: .vi).joined(separator: "; "), en: report.findings(in: .en).joined(separator: "; ")))
        }
        let source = ContentStore(databasePath: copyPath)
        for hash in hashes where !FileChecks.isPlainFile(source.path(of: hash)) {
            throw notABackup(
                "tệp lưu trữ \(hash.prefix(12))… là liên kết hoặc không phải tệp thường",
                "stored file \(hash.prefix(12))… is a link or not a regular file")
        }
        // What the database being replaced gave that the backup does not know.
        var reissued: [ReissuedNumbers] = []
        if exists, let current = try? Registry.open(at: target, access: .read, context: context) {
            defer { current.close() }
            reissued = (try? BackupService(current).numbersBeyond(backupSeries)) ?? []
        }
        if !reissued.isEmpty, !reissueNumbers { throw ArchiveError.restoreReissuesNumbers(reissued) }

        let companions = ["", "-wal", "-shm", "-files"]
        var movedAside: [(from: String, to: String)] = []
        /// Puts a replaced database back where it was when the restore cannot finish.
        func undo(_ error: any Error) -> any Error {
            for move in movedAside.reversed() { try? fm.moveItem(atPath: move.to, toPath: move.from) }
            return RegistryError.cannotWriteFile(path: target, reason: FileWriting.reason(error))
        }
        if exists {
            let aside = "\(target).before-restore-" + RegistryStore.iso8601(Date()).replacingOccurrences(of: ":", with: "")
            do {
                for suffix in companions where fm.fileExists(atPath: target + suffix) {
                    try fm.moveItem(atPath: target + suffix, toPath: aside + suffix)
                    movedAside.append((target + suffix, aside + suffix))
                }
            } catch {
                throw undo(error)
            }
        }
        do {
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: temporary + suffix) }
            try fm.moveItem(atPath: temporary, toPath: target)
        } catch {
            throw undo(error)
        }
        let destination = ContentStore(databasePath: target)
        for hash in hashes.sorted() { _ = try destination.store(fileAt: source.path(of: hash)) }
        let registry = try Registry.open(at: target, context: context)
        defer { registry.close() }
        try registry.store.write { db in
            var after: [String: JSONValue] = [
                "from": .string(folder), "backupCreatedAt": .string(manifest.createdAt), "sha256": .string(manifest.sha256),
            ]
            if !reissued.isEmpty {
                after["numbersGivenAgain"] = .array(reissued.flatMap(\.references).map(JSONValue.string))
            }
            try registry.store.appendJournal(
                db, action: "restore", entity: "database", entityId: nil, reference: (target as NSString).lastPathComponent,
                after: JSONValue.fields(after.sorted { $0.key < $1.key }).compact)
        }
        return manifest
    }

    /// The highest number of every series: "registerKind/year/seriesKey" → number.
    static func highestNumbers(_ db: Database) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT r.kind, r.startDate, d.seriesKey, MAX(d.number) AS highest
                FROM document d JOIN register r ON r.id = d.registerId GROUP BY r.id, d.seriesKey
                """)
        {
            result["\(row["kind"] as String)/\(row["startDate"] as String)/\(row["seriesKey"] as String)"] = row["highest"]
        }
        return result
    }

    /// The numbers of this database beyond the highest of each series in `known`.
    func numbersBeyond(_ known: [String: Int]) throws -> [ReissuedNumbers] {
        try read { db in
            var result: [ReissuedNumbers] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.kind, r.startDate, d.seriesKey, MAX(d.number) AS highest
                    FROM document d JOIN register r ON r.id = d.registerId GROUP BY r.id, d.seriesKey ORDER BY r.startDate, r.kind, d.seriesKey
                    """)
            {
                let key = "\(row["kind"] as String)/\(row["startDate"] as String)/\(row["seriesKey"] as String)"
                let highest: Int = row["highest"]
                let knownHighest = known[key] ?? 0
                guard highest > knownHighest else { continue }
                let register = try RegisterRecord.filter(key: row["id"] as Int64?).fetchOne(db)?.register
                let documents = try Document.fetchAll(
                    db, where: "d.registerId = ? AND d.seriesKey = ? AND d.number > ?", arguments: [row["id"], row["seriesKey"], knownHighest])
                result.append(
                    ReissuedNumbers(
                        register: register?.title ?? key, seriesKey: row["seriesKey"], first: knownHighest + 1, last: highest,
                        references: documents.map(\.reference)))
            }
            return result
        }
    }

    private static func prepareEmptyFolder(_ folder: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, (try? fm.contentsOfDirectory(atPath: folder))?.isEmpty == true else {
                throw ArchiveError.backupTargetNotEmpty(path: folder)
            }
        }
        try OwnerOnly.createFolder(folder)
    }
}
