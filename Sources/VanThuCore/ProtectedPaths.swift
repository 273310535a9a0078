import Foundation

/// The files an output (an exported register, a form, a copied attachment) must never be
/// written over: the database and its `-wal`, `-shm` and `-journal`, the store of originals,
/// and any backup folder. Paths are compared after resolving links, so `./r.sqlite`,
/// `../x/r.sqlite` and a link to it are one file.
public struct ProtectedPaths: Sendable {
    /// Resolved paths of the files themselves.
    let files: Set<String>
    /// Resolved paths of folders nothing may be written into.
    let folders: [String]

    init(database: String) {
        let resolved = ProtectedPaths.resolved(database)
        files = Set(["", "-wal", "-shm", "-journal"].map { resolved + $0 })
        folders = [resolved + "-files"]
    }

    /// Checks where an output is to go: refused when it is (or is inside) one of the protected
    /// files, is in a backup folder, or exists and is not a regular file (a link, a FIFO, a
    /// device, a folder), since renaming over those replaces or bypasses what they are.
    public func check(_ path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw RegistryError.outputNotAFile(path: path)
        }
        let resolved = ProtectedPaths.resolved(path)
        if files.contains(resolved) { throw RegistryError.outputIsProtected(path: path) }
        for folder in folders where resolved == folder || resolved.hasPrefix(folder + "/") {
            throw RegistryError.outputIsProtected(path: path)
        }
        let parent = (resolved as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: (parent as NSString).appendingPathComponent(BackupManifest.fileName)) {
            throw RegistryError.outputIsProtected(path: path)
        }
    }

    /// The absolute path with its folder's links resolved (the file itself may not exist yet);
    /// an existing file that is a link is resolved too.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        guard let real = realpath(folder, nil) else { return (absolute as NSString).standardizingPath }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent(name)
    }
}

extension Registry {
    /// What an output of this registry must never overwrite.
    public var protectedPaths: ProtectedPaths { ProtectedPaths(database: path) }
}
