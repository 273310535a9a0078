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

    static let fileName = "vanthu-backup.json"
}

extension Registry {
    /// Writes a consistent copy of the database (SQLite's online backup, from one read
    /// snapshot, while other clerks keep writing) and of the stored files it refers to, into an
    /// empty or new folder, with a manifest holding the copy's SHA-256.
    public func backup(to folder: String) throws -> BackupManifest {
        try Registry.prepareEmptyFolder(folder)
        let name = (path as NSString).lastPathComponent
        let copyPath = (folder as NSString).appendingPathComponent(name)
        do {
            let destination = try DatabaseQueue(path: copyPath)
            try perform { try dbQueue.backup(to: destination) }
            let (documents, journal, attachments) = try destination.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM journal") ?? 0,
                    try Row.fetchAll(db, sql: "SELECT sha256, size FROM attachment").map { (sha256: $0["sha256"] as String, size: $0["size"] as Int64) }
                )
            }
            try destination.close()
            let copyStore = ContentStore(databasePath: copyPath)
            var copied = Set<String>()
            for attachment in attachments where !copied.contains(attachment.sha256) {
                if let problem = contentStore.problem(sha256: attachment.sha256, size: attachment.size) {
                    throw ArchiveError.storeDamaged("\(attachment.sha256): \(problem.rawValue)")
                }
                _ = try copyStore.store(fileAt: contentStore.path(of: attachment.sha256))
                copied.insert(attachment.sha256)
            }
            guard let digest = ContentStore.hash(path: copyPath) else { throw ArchiveError.fileUnreadable(path: copyPath, reason: FileReading.reason(path: copyPath)) }
            let manifest = BackupManifest(
                format: 1, createdAt: Registry.iso8601(Date()), createdBy: context.user, source: path, database: name, sha256: digest,
                documents: documents, journalEntries: journal, attachments: attachments.count, files: copied.count)
            try JSONOutput.encode(manifest).write(toFile: (folder as NSString).appendingPathComponent(BackupManifest.fileName), atomically: true, encoding: .utf8)
            return manifest
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw Registry.translate(error, path: copyPath)
        }
    }

    /// Brings a backup back to `target`, after checking the copy against its manifest, its
    /// integrity and every stored file. An existing database is replaced only with `replace`,
    /// and is then kept beside it as `….before-restore-<time>`. The restore is journaled in the
    /// restored database.
    public static func restore(from folder: String, to target: String, replace: Bool, context: RegistryContext) throws -> BackupManifest {
        let manifestPath = (folder as NSString).appendingPathComponent(BackupManifest.fileName)
        let vi = Language.fromEnvironment() == .vi
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw ArchiveError.notABackup(path: folder, reason: vi ? "không có tệp \(BackupManifest.fileName)" : "no \(BackupManifest.fileName) in it")
        }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data), manifest.format == 1 else {
            throw ArchiveError.notABackup(path: folder, reason: vi ? "tệp \(BackupManifest.fileName) hỏng" : "\(BackupManifest.fileName) is damaged")
        }
        let copyPath = (folder as NSString).appendingPathComponent((manifest.database as NSString).lastPathComponent)
        guard ContentStore.hash(path: copyPath) == manifest.sha256 else {
            throw ArchiveError.notABackup(path: folder, reason: vi ? "tệp cơ sở dữ liệu đã bị thay đổi hoặc thiếu so với lúc sao lưu" : "the database file is missing or changed since the backup")
        }
        let copy = try Registry.open(at: copyPath, access: .read, context: context)
        let report = try copy.verify()
        let hashes = try copy.read { db in try String.fetchSet(db, sql: "SELECT sha256 FROM attachment") }
        copy.close()
        guard report.isClean else {
            throw ArchiveError.notABackup(path: folder, reason: (report.integrity + report.problems.map { "\($0.name): \($0.kind.rawValue)" }).joined(separator: "; "))
        }
        let fm = FileManager.default
        let companions = ["", "-wal", "-shm", "-files"]
        var movedAside: [(from: String, to: String)] = []
        /// Puts a replaced database back where it was when the restore cannot finish.
        func undo(_ error: any Error) -> any Error {
            for move in movedAside.reversed() { try? fm.moveItem(atPath: move.to, toPath: move.from) }
            return RegistryError.cannotCreateDatabase(path: target, reason: error.localizedDescription)
        }
        if fm.fileExists(atPath: target) {
            guard replace else { throw ArchiveError.restoreTargetExists(path: target) }
            let aside = "\(target).before-restore-" + Registry.iso8601(Date()).replacingOccurrences(of: ":", with: "")
            do {
                for suffix in companions where fm.fileExists(atPath: target + suffix) {
                    try fm.moveItem(atPath: target + suffix, toPath: aside + suffix)
                    movedAside.append((target + suffix, aside + suffix))
                }
            } catch {
                throw undo(error)
            }
        }
        let temporary = target + ".restoring"
        do {
            try? fm.removeItem(atPath: temporary)
            try fm.copyItem(atPath: copyPath, toPath: temporary)
            try fm.moveItem(atPath: temporary, toPath: target)
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw undo(error)
        }
        let source = ContentStore(databasePath: copyPath)
        let destination = ContentStore(databasePath: target)
        for hash in hashes.sorted() { _ = try destination.store(fileAt: source.path(of: hash)) }
        let registry = try Registry.open(at: target, context: context)
        defer { registry.close() }
        try registry.write { db in
            let after: [String: String] = ["from": folder, "backupCreatedAt": manifest.createdAt, "sha256": manifest.sha256]
            try registry.appendJournal(db, action: "restore", entity: "database", entityId: nil, reference: (target as NSString).lastPathComponent, after: try JSONOutput.encode(after, pretty: false))
        }
        return manifest
    }

    private static func prepareEmptyFolder(_ folder: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, (try? fm.contentsOfDirectory(atPath: folder))?.isEmpty == true else {
                throw ArchiveError.backupTargetNotEmpty(path: folder)
            }
        }
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw RegistryError.cannotCreateDatabase(path: folder, reason: error.localizedDescription)
        }
    }
}
