import Foundation

/// A đề mục of the Danh mục hồ sơ: `I. TỔ CHỨC, CÁN BỘ` (level 1, Roman numerals) or
/// `1. Tuyển dụng` (level 2, Arabic numerals).
public struct CatalogHeading: Equatable, Sendable, Encodable {
    public var id: Int64
    public var level: Int
    public var label: String
    public var title: String

    /// `I. TỔ CHỨC, CÁN BỘ`.
    public var text: String { label.isEmpty ? title : "\(label). \(title)" }
}

/// The Danh mục hồ sơ of a year (ND30 Điều 28, Phụ lục V): đề mục and hồ sơ in order, with the
/// hồ sơ opened outside it at the end.
public struct Catalog: Sendable, Encodable {
    public enum Line: Sendable, Encodable {
        case heading(CatalogHeading)
        case dossier(Dossier)

        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .heading(let heading): try heading.encode(to: encoder)
            case .dossier(let dossier): try dossier.encode(to: encoder)
            }
        }
    }

    public var year: Int
    public var lines: [Line]

    public var dossiers: [Dossier] {
        lines.compactMap { if case .dossier(let d) = $0 { d } else { nil } }
    }

    /// The footer of the form: "… hồ sơ, bao gồm: … vĩnh viễn; … có thời hạn."
    public var summary: (total: Int, permanent: Int, limited: Int) {
        let listed = dossiers.filter(\.inCatalog)
        let permanent = listed.filter { $0.retention == .permanent }.count
        return (listed.count, permanent, listed.count - permanent)
    }
}

/// One line to add to a Danh mục: a hồ sơ planned for the year.
public struct CatalogEntryDraft: Equatable, Sendable {
    public var fileNotation: String
    public var title: String
    public var retention: String?
    public var creator: String?
    public var description: String?
    /// The đề mục to list it under, by its text (`I. TỔ CHỨC, CÁN BỘ` or `TỔ CHỨC, CÁN BỘ`).
    public var heading: String?

    public init(
        fileNotation: String, title: String, retention: String? = nil, creator: String? = nil, description: String? = nil, heading: String? = nil
    ) {
        self.fileNotation = fileNotation
        self.title = title
        self.retention = retention
        self.creator = creator
        self.description = description
        self.heading = heading
    }
}

/// A Danh mục hồ sơ read from a CSV file laid out as the Phụ lục V form: title rows, then the
/// heading row (Số và ký hiệu hồ sơ, Tên đề mục và tiêu đề hồ sơ, Thời hạn bảo quản, Người lập
/// hồ sơ, Ghi chú), the numbering row, then đề mục lines (no số và ký hiệu) and hồ sơ lines.
public struct CatalogFile: Sendable {
    public enum Line: Equatable, Sendable {
        case heading(level: Int, label: String, title: String)
        case entry(CatalogEntryDraft, line: Int)
    }

    public var lines: [Line]
    /// SHA-256 of the file, for the journal.
    public var sha256: String

    init(lines: [Line], sha256: String) {
        self.lines = lines
        self.sha256 = sha256
    }

    /// The lines of the catalog in `rows` (the cells of its CSV file, named `path` in messages).
    public init(rows: [[String]], sha256: String, path: String) throws {
        let lines = try Self.parse(rows)
        guard lines.contains(where: { if case .entry = $0 { true } else { false } }) else { throw ArchiveError.catalogEmpty(path: path) }
        self.init(lines: lines, sha256: sha256)
    }

    private enum Column { case notation, title, retention, creator, description }

    static func parse(_ rows: [[String]]) throws -> [Line] {
        var columns: [Column: Int] = [.notation: 0, .title: 1, .retention: 2, .creator: 3, .description: 4]
        var start = 0
        let hasHeader = rows.prefix(20).contains(where: isHeaderRow)
        if let header = rows.prefix(20).firstIndex(where: isHeaderRow) {
            columns = [:]
            for (index, cell) in rows[header].enumerated() {
                let f = VietnameseText.fold(cell)
                let column: Column? =
                    f.contains("ky hieu")
                    ? .notation
                    : f.contains("tieu de") || f.contains("de muc")
                        ? .title
                        : f.contains("thoi han")
                            ? .retention
                            : f.contains("nguoi lap") || f.contains("don vi lap")
                                ? .creator
                                : f.contains("ghi chu") ? .description : nil
                if let column, columns[column] == nil { columns[column] = index }
            }
            start = header + 1
        }
        var lines: [Line] = []
        var seen: [String: Int] = [:]
        for (offset, row) in rows.enumerated().dropFirst(start) {
            let line = offset + 1
            func cell(_ column: Column) -> String? {
                guard let index = columns[column], index < row.count else { return nil }
                return VietnameseText.nonEmpty(row[index])
            }
            if row.allSatisfy({ VietnameseText.nonEmpty($0) == nil }) { continue }
            if row.allSatisfy({ VietnameseText.nonEmpty($0).map(isNumberingCell) ?? true }) { continue }
            var notation = cell(.notation)
            var title = cell(.title)
            // A line written in one cell across the table: a đề mục, or the footer.
            if let only = notation, title == nil, row.compactMap(VietnameseText.nonEmpty).count == 1, !Dossier.isValidNotation(only) {
                (notation, title) = (nil, only)
            }
            guard let title else {
                if notation != nil { throw ArchiveError.catalogLine(line: line, reason: message("thiếu tiêu đề hồ sơ", "the hồ sơ has no title")) }
                continue  // a footer such as "Danh mục hồ sơ này có … hồ sơ"
            }
            guard let notation else {
                if VietnameseText.fold(title).hasPrefix("danh muc ho so nay co") { continue }
                lines.append(heading(title))
                continue
            }
            // Without the heading row the columns are taken in the form's order; a first cell that
            // is not a số và ký hiệu (01.TCCB) means the file is something else.
            if !hasHeader, !(notation.first?.isASCIIDigit ?? false) {
                throw ArchiveError.catalogLine(
                    line: line,
                    reason: message(
                        "“\(notation)” không phải số và ký hiệu hồ sơ (dạng 01.TCCB), và tệp không có dòng tiêu đề cột “Số và ký hiệu hồ sơ”, “Tên đề mục và tiêu đề hồ sơ”",
                        "“\(notation)” is not a hồ sơ number (such as 01.TCCB), and the file has no heading row “Số và ký hiệu hồ sơ”, “Tên đề mục và tiêu đề hồ sơ”"
                    ))
            }
            guard Dossier.isValidNotation(notation) else {
                throw ArchiveError.catalogLine(line: line, reason: ArchiveError.invalidFileNotation(notation).text)
            }
            if let earlier = seen[notation.uppercased()] {
                throw ArchiveError.catalogLine(
                    line: line,
                    reason: message("số và ký hiệu \(notation) trùng với dòng \(earlier)", "hồ sơ number \(notation) repeats line \(earlier)"))
            }
            seen[notation.uppercased()] = line
            if let retention = cell(.retention) {
                do { _ = try Retention(parsing: retention) } catch let error as ArchiveError {
                    throw ArchiveError.catalogLine(line: line, reason: error.text)
                }
            }
            let draft = CatalogEntryDraft(
                fileNotation: notation, title: title, retention: cell(.retention), creator: cell(.creator), description: cell(.description))
            lines.append(.entry(draft, line: line))
        }
        return lines
    }

    private static func isHeaderRow(_ row: [String]) -> Bool {
        let folded = row.map(VietnameseText.fold)
        return folded.contains { $0.contains("ky hieu") } && folded.contains { $0.contains("tieu de") || $0.contains("de muc") }
    }

    /// `(1)`, `(2)`: the numbering row under the headings.
    private static func isNumberingCell(_ cell: String) -> Bool {
        cell.hasPrefix("(") && cell.hasSuffix(")") && Int(cell.dropFirst().dropLast()) != nil
    }

    /// `I. TỔ CHỨC` → level 1, label I; `1. Tuyển dụng` → level 2, label 1; no label → level 1.
    static func heading(_ text: String) -> Line {
        let parts = text.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[0].hasSuffix(".") || parts[0].hasSuffix(")") {
            let label = String(parts[0].dropLast())
            let title = String(parts[1])
            if !label.isEmpty, label.allSatisfy({ "IVXLC".contains($0) }) { return .heading(level: 1, label: label, title: title) }
            if !label.isEmpty, label.allSatisfy({ $0.isASCIIDigit || $0 == "." }) { return .heading(level: 2, label: label, title: title) }
        }
        return .heading(level: 1, label: "", title: text)
    }

    private static func message(_ vi: String, _ en: String) -> Bilingual { Bilingual(vi: vi, en: en) }
}
