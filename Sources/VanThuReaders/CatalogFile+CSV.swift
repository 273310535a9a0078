public import Foundation
public import VanThuCore

extension CatalogFile {
    /// Reads a Danh mục hồ sơ kept as a CSV file (UTF-8, as Excel's "CSV UTF-8" writes it).
    public static func read(path: String) throws -> CatalogFile {
        let data: Data
        do {
            guard ContentStore.isRegularFile(path) else { throw CocoaError(.fileReadUnknown) }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ArchiveError.fileUnreadable(path: path, reason: FileReading.reason(path: path))
        }
        guard let table = CSVTable(data: data) else {
            throw ArchiveError.fileUnreadable(
                path: path,
                reason: Bilingual(
                    vi: "không phải văn bản UTF-8; trong Excel hãy lưu dạng “CSV UTF-8”", en: "not UTF-8 text; in Excel save as “CSV UTF-8”"))
        }
        return try CatalogFile(rows: table.rows, sha256: SHA256.hex(of: data), path: path)
    }
}
