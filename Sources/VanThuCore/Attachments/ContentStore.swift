import Foundation

/// The folder of stored originals next to the database (`vanthu.sqlite-files/`): each file is
/// kept once, named by its SHA-256 (`sha256/ab/ab12…`), read-only, and never modified.
public struct ContentStore: Sendable {
    public let root: String

    /// The store of the database at `databasePath`.
    public init(databasePath: String) {
        root = databasePath + "-files"
    }

    /// A file as stored: its hash and size.
    public struct Stored: Sendable, Equatable {
        public var sha256: String
        public var size: Int64
        /// False when the same content was already in the store.
        public var isNew: Bool
    }

    /// Where the content with this hash lives.
    public func path(of sha256: String) -> String {
        "\(root)/sha256/\(sha256.prefix(2))/\(sha256)"
    }

    /// Stores a file given by path or by its bytes.
    public func store(_ file: OriginalFile) throws -> Stored {
        switch file.source {
        case .path(let path): return try store(fileAt: path)
        case .data(let data): return try store(bytes: data)
        }
    }

    /// Stores bytes held in memory (an edXML attachment, an upload): hashed first, so content
    /// already stored is not written at all, else written once beside its place. (They went
    /// through a temporary file that was then copied: two more files created, read and removed
    /// for every envelope received.)
    func store(bytes data: Data) throws -> Stored {
        var hash = SHA256()
        hash.update(data)
        let digest = hash.finalizeHex()
        let size = Int64(data.count)
        let destination = path(of: digest)
        if FileManager.default.fileExists(atPath: destination), ContentStore.size(of: destination) == size {
            return Stored(sha256: digest, size: size, isNew: false)
        }
        let temporary = root + "/.partial-\(UUID().uuidString)"
        try OwnerOnly.createFolder(root)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let output = FileHandle(forWritingAtPath: temporary) else {
            throw RegistryError.cannotWriteFile(path: temporary, reason: FileWriting.reason(errno: errno))
        }
        do {
            defer { try? output.close() }
            try output.write(contentsOf: data)
            try output.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if (error as NSError).code == Int(ENOSPC) { throw RegistryError.diskFull(path: root) }
            throw RegistryError.cannotWriteFile(path: root, reason: FileWriting.reason(error))
        }
        return try place(temporary, digest: digest, size: size)
    }

    /// Copies a file into the store, hashing as it reads; content already stored is not copied
    /// again. The copy is written beside its place, flushed, then renamed, so a crash never
    /// leaves a half file under a real name.
    public func store(fileAt source: String) throws -> Stored {
        // Checked before opening: opening a FIFO or a device would wait, or read forever.
        guard ContentStore.isRegularFile(source), let input = FileHandle(forReadingAtPath: source) else {
            throw ArchiveError.fileUnreadable(path: source, reason: FileReading.reason(path: source))
        }
        defer { try? input.close() }
        // Hidden, beside the sha256 folder: never mistaken for stored content.
        let temporary = root + "/.partial-\(UUID().uuidString)"
        try OwnerOnly.createFolder(root)
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let output = FileHandle(forWritingAtPath: temporary) else {
            throw RegistryError.cannotWriteFile(path: temporary, reason: FileWriting.reason(errno: errno))
        }
        var hash = SHA256()
        var size: Int64 = 0
        do {
            defer { try? output.close() }
            while true {
                let chunk: Data
                do { chunk = try input.read(upToCount: 1 << 20) ?? Data() } catch {
                    throw ArchiveError.fileUnreadable(path: source, reason: FileReading.reason(path: source))
                }
                if chunk.isEmpty { break }
                hash.update(chunk)
                size += Int64(chunk.count)
                try output.write(contentsOf: chunk)
            }
            try output.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            if error is any ClerkFacingError { throw error }
            if (error as NSError).code == Int(ENOSPC) { throw RegistryError.diskFull(path: root) }
            throw RegistryError.cannotWriteFile(path: root, reason: FileWriting.reason(error))
        }
        let digest = hash.finalizeHex()
        let destination = path(of: digest)
        if FileManager.default.fileExists(atPath: destination), ContentStore.size(of: destination) == size {
            try? FileManager.default.removeItem(atPath: temporary)
            return Stored(sha256: digest, size: size, isNew: false)
        }
        return try place(temporary, digest: digest, size: size)
    }

    /// Moves a flushed temporary copy to its place, read-only.
    private func place(_ temporary: String, digest: String, size: Int64) throws -> Stored {
        let destination = path(of: digest)
        do {
            try OwnerOnly.createFolder(root + "/sha256")
            try OwnerOnly.createFolder((destination as NSString).deletingLastPathComponent)
            // Read-only, and the owner's only (the store holds the secret registers' files too).
            try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: temporary)
            if FileManager.default.fileExists(atPath: destination) { try FileManager.default.removeItem(atPath: destination) }
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw RegistryError.cannotWriteFile(path: destination, reason: FileWriting.reason(error))
        }
        return Stored(sha256: digest, size: size, isNew: true)
    }

    /// What is wrong with the stored copy of `sha256`, or nil when it is whole.
    public func problem(sha256: String, size: Int64) -> StoreProblem.Kind? {
        let path = path(of: sha256)
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard ContentStore.size(of: path) == size, let digest = ContentStore.hash(path: path), digest == sha256 else { return .altered }
        return nil
    }

    /// The hashes of every file in the store.
    public func storedHashes() -> [String] {
        let folder = root + "/sha256"
        guard let prefixes = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return prefixes.flatMap { prefix in (try? FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(prefix)")) ?? [] }.sorted()
    }

    /// SHA-256 of a file, read in pieces; nil when it cannot be read.
    public static func hash(path: String) -> String? {
        guard let input = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? input.close() }
        var hash = SHA256()
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(chunk) }
        } catch {
            return nil
        }
        return hash.finalizeHex()
    }

    static func size(of path: String) -> Int64? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value
    }

    /// True for a regular file, or a link to one (`stat`, which follows links).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The media type from the name and, for PDF, the first bytes.
    static func mediaType(name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xls": "application/vnd.ms-excel"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "tif", "tiff": "image/tiff"
        case "txt": "text/plain"
        case "xml": "application/xml"
        case "zip": "application/zip"
        default: "application/octet-stream"
        }
    }
}

/// A stored file that is not what the database says.
public struct StoreProblem: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Encodable { case missing, altered }
    public var kind: Kind
    public var reference: String
    public var name: String
    public var sha256: String
}
