import Foundation
import VanThuCore

/// The columns of a hồ sơ form (Danh mục hồ sơ, Mục lục hồ sơ nộp lưu, Mục lục văn bản):
/// read from `exports/*-form.json`, built into the binary like the register layouts.
public struct FormLayout: Decodable, Equatable, Sendable {
    public struct Column: Decodable, Equatable, Sendable {
        public var heading: String
        public var field: FormField
        public var width: Double
    }

    public var form: String
    public var title: String
    public var sheetName: String
    public var source: String
    public var landscape: Bool
    public var columns: [Column]

    /// The built-in layout `catalog`, `dossier-list` or `dossier-index`.
    public static func builtin(_ name: String) throws -> FormLayout {
        try BuiltinLayouts.layout(named: name, file: "\(name)-form.json")
    }
}

/// What a column of a hồ sơ form shows.
public enum FormField: String, Decodable, CaseIterable, Sendable {
    case ordinal, fileNotation, title, retention, creator, note, period, pages
    case documentNotation, documentDate, typeAndSubject, organName, pageNumber
}

/// A line of a hồ sơ form: a đề mục written across the row, or an entry.
enum FormRow: Equatable {
    case heading(String)
    case entry([FormField: CellValue])
}
