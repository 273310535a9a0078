/// Why an import was refused. Nothing was imported.
public enum ImportError: Error, Equatable, Sendable {
    case fileUnreadable(path: String)
    case unreadableWorkbook(path: String, reason: Bilingual)
    case sheetNotFound(String, sheets: [String])
    case unknownEncoding(String)
    case undecodableText(path: String, encoding: String)
    case noHeadingRow(path: String)
    case missingColumns([String])
    /// An incoming register (it has a Ngày đến column) given to `import outgoing`.
    case incomingRegister(path: String)
    case mappingLine(line: Int?, reason: Bilingual)
    case unknownField(String, allowed: [String])
    case badRows([ImportReport.Problem])
    case nothingToImport(path: String)
    /// The import would leave numbers missing in a series that live registration goes on
    /// with (the register covering today): the next number would jump past them.
    case gapsInLiveSeries(register: String, gaps: [String], next: Int)
}

extension ImportError: ClerkFacingError {
    public static var domain: String { "import" }

    public var exitCode: Int32 {
        switch self {
        case .fileUnreadable: 66  // EX_NOINPUT
        default: 65  // EX_DATAERR
        }
    }

    /// The first 30 bad rows, one per line.
    private static func list(_ problems: [ImportReport.Problem], row: String, in language: Language) -> String {
        problems.prefix(30).map { "  \(row) \($0.row): \($0.reason[language])\n" }.joined() + (problems.count > 30 ? "  …\n" : "")
    }

    /// What is wrong and what to do, in both languages side by side.
    public var text: Bilingual {
        switch self {
        case .fileUnreadable(let path):
            Bilingual(
                vi: "Không đọc được tệp “\(path)”. Hãy kiểm tra đường dẫn và quyền đọc.",
                en: "Cannot read “\(path)”. Check the path and the permissions.")
        case .unreadableWorkbook(let path, let reason):
            Bilingual(
                vi:
                    "Tệp “\(path)” không phải tệp Excel (.xlsx) đọc được (\(reason.vi)). Hãy mở bằng Excel và lưu lại dạng .xlsx, hoặc lưu thành CSV.",
                en: "“\(path)” is not a readable Excel workbook (.xlsx) (\(reason.en)). Open it in Excel and save it as .xlsx, or as CSV.")
        case .sheetNotFound(let name, let sheets):
            Bilingual(
                vi: "Không có trang tính “\(name)”. Các trang có: \(sheets.joined(separator: ", ")).",
                en: "There is no sheet “\(name)”. Sheets: \(sheets.joined(separator: ", ")).")
        case .unknownEncoding(let name):
            Bilingual(
                vi: "Không biết bảng mã “\(name)”. Hãy dùng utf-8, utf-16 hoặc windows-1258.",
                en: "Unknown encoding “\(name)”. Use utf-8, utf-16 or windows-1258.")
        case .undecodableText(let path, let encoding):
            Bilingual(
                vi:
                    "Tệp “\(path)” không đọc được theo bảng mã \(encoding). Hãy ghi --encoding (utf-8, utf-16, windows-1258) hoặc lưu lại từ Excel dạng “CSV UTF-8”.",
                en: "“\(path)” cannot be read as \(encoding). Give --encoding (utf-8, utf-16, windows-1258) or save it from Excel as “CSV UTF-8”.")
        case .noHeadingRow(let path):
            Bilingual(
                vi:
                    "Không tìm thấy dòng tiêu đề cột của sổ trong “\(path)” (Ngày đến, Số đến, Tác giả, Số, ký hiệu, … hoặc Số, ký hiệu, Ngày tháng, Tên loại và trích yếu, …). Hãy chỉ rõ các cột bằng tệp --map.",
                en:
                    "No register heading row found in “\(path)” (Ngày đến, Số đến, Tác giả, … or Số, ký hiệu, Ngày tháng, Tên loại và trích yếu, …). Name the columns with a --map file."
            )
        case .incomingRegister(let path):
            Bilingual(
                vi: "“\(path)” là sổ văn bản đến (có cột Ngày đến), không phải sổ văn bản đi. Hãy nhập bằng “vanthu import incoming”.",
                en: "“\(path)” is an incoming register (it has a Ngày đến column), not an outgoing one. Import it with “vanthu import incoming”.")
        case .missingColumns(let names):
            Bilingual(
                vi: "Sổ thiếu cột bắt buộc: \(names.joined(separator: ", ")). Hãy thêm cột, hoặc chỉ rõ cột nào là cột đó bằng tệp --map.",
                en: "The register lacks required columns: \(names.joined(separator: ", ")). Add them, or name them with a --map file.")
        case .mappingLine(let line, let reason):
            Bilingual(
                vi: line.map { "Tệp --map, dòng \($0): \(reason.vi)." } ?? "Tệp --map: \(reason.vi).",
                en: line.map { "--map file, line \($0): \(reason.en)." } ?? "--map file: \(reason.en).")
        case .unknownField(let name, let allowed):
            Bilingual(
                vi: "Tệp --map gán cột cho trường “\(name)” không có. Các trường: \(allowed.joined(separator: ", ")).",
                en: "The --map file names an unknown field “\(name)”. Fields: \(allowed.joined(separator: ", ")).")
        case .badRows(let problems):
            Bilingual(
                vi: Self.list(problems, row: "Dòng", in: .vi)
                    + "Có \(problems.count) dòng không đọc được; chưa nhập gì. Hãy sửa tệp rồi chạy lại (xem trước bằng --dry-run), hoặc thêm --skip-bad để nhập các dòng còn lại.",
                en: Self.list(problems, row: "Row", in: .en)
                    + "\(problems.count) rows cannot be read; nothing was imported. Fix the file and run again (check with --dry-run), or add --skip-bad to import the other rows."
            )
        case .nothingToImport(let path):
            Bilingual(
                vi: "Tệp “\(path)” không có dòng văn bản nào để nhập.",
                en: "“\(path)” holds no document rows to import.")
        case .gapsInLiveSeries(let register, let gaps, let next):
            Bilingual(
                vi:
                    "Sau khi nhập, \(register) (sổ đang dùng) sẽ thiếu số \(gaps.prefix(10).joined(separator: ", "))\(gaps.count > 10 ? ", …" : "") và số đến tiếp theo nhảy lên \(next). Chưa nhập gì. Hãy kiểm tra cột số; nếu đúng là sổ cũ thiếu số, thêm --allow-gaps.",
                en:
                    "After this import \(register) (the register in use) would lack numbers \(gaps.prefix(10).joined(separator: ", "))\(gaps.count > 10 ? ", …" : ""), and the next number would jump to \(next). Nothing was imported. Check the number column; if the old register really has gaps, add --allow-gaps."
            )
        }
    }
}

extension ImportError {
    /// Each case without its values, one for one: a test asks every case for its messages
    /// (`Kind.allCases`), and a new case cannot be added without its kind.
    public enum Kind: String, CaseIterable, Sendable {
        case fileUnreadable
        case unreadableWorkbook
        case sheetNotFound
        case unknownEncoding
        case undecodableText
        case noHeadingRow
        case missingColumns
        case incomingRegister
        case mappingLine
        case unknownField
        case badRows
        case nothingToImport
        case gapsInLiveSeries
    }

    public var kind: Kind {
        switch self {
        case .fileUnreadable: .fileUnreadable
        case .unreadableWorkbook: .unreadableWorkbook
        case .sheetNotFound: .sheetNotFound
        case .unknownEncoding: .unknownEncoding
        case .undecodableText: .undecodableText
        case .noHeadingRow: .noHeadingRow
        case .missingColumns: .missingColumns
        case .incomingRegister: .incomingRegister
        case .mappingLine: .mappingLine
        case .unknownField: .unknownField
        case .badRows: .badRows
        case .nothingToImport: .nothingToImport
        case .gapsInLiveSeries: .gapsInLiveSeries
        }
    }
}
