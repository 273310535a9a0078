public import Foundation

/// Why a file given on the command line cannot be read, in both languages.
public enum FileReading {
    public static func reason(path: String) -> Bilingual {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return Bilingual(vi: "không có tệp này; hãy kiểm tra đường dẫn", en: "no such file; check the path")
        }
        if isDirectory.boolValue { return Bilingual(vi: "đây là thư mục, không phải tệp", en: "it is a folder, not a file") }
        if !ContentStore.isRegularFile(path) {
            return Bilingual(vi: "không phải tệp thường (FIFO, thiết bị hay socket)", en: "not a regular file (a FIFO, device or socket)")
        }
        if !FileManager.default.isReadableFile(atPath: path) { return Bilingual(vi: "không có quyền đọc tệp", en: "permission denied") }
        return Bilingual(vi: "lỗi đọc tệp", en: "read error")
    }
}

/// Why a file could not be written, from `errno`, in both languages: never the system's
/// English text.
public enum FileWriting {
    public static func reason(errno code: Int32) -> Bilingual {
        switch code {
        case ENOENT: return Bilingual(vi: "thư mục chứa nó không tồn tại", en: "its folder does not exist")
        case EACCES, EPERM: return Bilingual(vi: "không có quyền ghi vào đó", en: "permission denied")
        case EEXIST: return Bilingual(vi: "tệp đã có", en: "the file exists")
        case ENOSPC, EDQUOT, EFBIG: return Bilingual(vi: "đĩa đã đầy", en: "the disk is full")
        case EROFS: return Bilingual(vi: "ổ đĩa chỉ cho phép đọc", en: "the disk is read-only")
        case EISDIR: return Bilingual(vi: "đó là một thư mục", en: "it is a folder")
        case ENOTDIR: return Bilingual(vi: "một phần của đường dẫn không phải thư mục", en: "part of the path is not a folder")
        case ELOOP: return Bilingual(vi: "đường dẫn là liên kết vòng", en: "the path is a link loop")
        case ENAMETOOLONG: return Bilingual(vi: "tên quá dài", en: "the name is too long")
        case EXDEV: return Bilingual(vi: "không chuyển được sang ổ đĩa khác", en: "cannot move across disks")
        default: return Bilingual(vi: "lỗi ghi tệp (mã \(code))", en: "write error (code \(code))")
        }
    }

    /// The reason of a Foundation file error (its underlying POSIX code), in the clerk's language.
    public static func reason(_ error: any Error) -> Bilingual {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return reason(errno: Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return reason(errno: Int32(underlying.code))
        }
        switch nsError.code {
        case NSFileWriteOutOfSpaceError: return reason(errno: ENOSPC)
        case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return reason(errno: EACCES)
        case NSFileWriteFileExistsError: return reason(errno: EEXIST)
        case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return reason(errno: ENOENT)
        case NSFileWriteVolumeReadOnlyError: return reason(errno: EROFS)
        default: return reason(errno: 0)
        }
    }
}

/// Checks of what a path is, without following a link at its end (`lstat`).
enum FileChecks {
    /// True for a regular file that is not a link.
    static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// True when anything (a link, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Copies a regular file to a new owner-only file, flushed, and returns the SHA-256 of
    /// what was copied.
    static func copy(_ source: String, to destination: String) throws -> String {
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw RegistryError.cannotWriteFile(path: destination, reason: FileWriting.reason(errno: errno)) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw RegistryError.cannotWriteFile(path: destination, reason: FileWriting.reason(errno: errno)) }
        var closed = false
        defer { if !closed { close(output) } }
        var hash = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw RegistryError.cannotWriteFile(path: destination, reason: FileWriting.reason(errno: errno))
            }
            if count == 0 { break }
            hash.update(buffer[0..<count])
            var written = 0
            while written < count {
                let n = buffer.withUnsafeBytes { raw -> Int in raw.baseAddress.map { write(output, $0 + written, count - written) } ?? -1 }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw errno == ENOSPC
                        ? RegistryError.diskFull(path: destination)
                        : RegistryError.cannotWriteFile(path: destination, reason: FileWriting.reason(errno: errno))
                }
                written += n
            }
        }
        guard fsync(output) == 0 else { throw RegistryError.cannotWriteFile(path: destination, reason: FileWriting.reason(errno: errno)) }
        closed = true
        close(output)
        return hash.finalizeHex()
    }
}

/// Files and folders that hold the registers are the owner's only, whatever the umask: the
/// database is the access control of the command line (a secret register must not be readable
/// by every local account).
public enum OwnerOnly {
    public static let file: mode_t = 0o600
    public static let folder: mode_t = 0o700

    /// Creates an empty file readable and writable by its owner only; refuses an existing one.
    static func createFile(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, file)
        guard fd >= 0 else { throw RegistryError.cannotCreateDatabase(path: path, reason: FileWriting.reason(errno: errno)) }
        fchmod(fd, file)  // the umask may have taken bits away; none are added beyond the owner's
        close(fd)
    }

    /// Creates a folder (and its parents) for the owner only; an existing one is made so.
    static func createFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: Int(folder)])
        } catch {
            throw RegistryError.cannotWriteFile(path: path, reason: FileWriting.reason(error))
        }
        chmod(path, folder)
    }
}
