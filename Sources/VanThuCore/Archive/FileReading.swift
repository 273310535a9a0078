import Foundation

/// Why a file given on the command line cannot be read, in the clerk's language.
enum FileReading {
    static func reason(path: String) -> String {
        let vi = Language.fromEnvironment() == .vi
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return vi ? "không có tệp này; hãy kiểm tra đường dẫn" : "no such file; check the path"
        }
        if isDirectory.boolValue { return vi ? "đây là thư mục, không phải tệp" : "it is a folder, not a file" }
        if !FileManager.default.isReadableFile(atPath: path) { return vi ? "không có quyền đọc tệp" : "permission denied" }
        return vi ? "lỗi đọc tệp" : "read error"
    }
}
