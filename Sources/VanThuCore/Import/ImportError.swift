/// Why an import was refused. Nothing was imported.
public enum ImportError: Error, Equatable, Sendable {
    case fileUnreadable(path: String)
    case unreadableWorkbook(path: String, reason: String)
    case sheetNotFound(String, sheets: [String])
    case unknownEncoding(String)
    case undecodableText(path: String, encoding: String)
    case noHeadingRow(path: String)
    case missingColumns([String])
    /// An incoming register (it has a Ngày đến column) given to `import outgoing`.
    case incomingRegister(path: String)
    case mappingLine(line: Int?, reason: String)
    case unknownField(String, allowed: [String])
    case badRows([ImportReport.Problem])
    case nothingToImport(path: String)
    /// The import would leave numbers missing in a series that live registration goes on
    /// with (the register covering today): the next number would jump past them.
    case gapsInLiveSeries(register: String, gaps: [String], next: Int)
}

extension ImportError: ClerkFacingError {
    public var exitCode: Int32 {
        switch self {
        case .fileUnreadable: 66  // EX_NOINPUT
        default: 65  // EX_DATAERR
        }
    }

    public func message(in language: Language) -> String {
        language == .vi ? vietnamese : english
    }

    /// The first 30 bad rows, one per line.
    private static func list(_ problems: [ImportReport.Problem], row: String) -> String {
        problems.prefix(30).map { "  \(row) \($0.row): \($0.reason)\n" }.joined() + (problems.count > 30 ? "  …\n" : "")
    }

    private var vietnamese: String {
        switch self {
        case .fileUnreadable(let path):
            "Không đọc được tệp “\(path)”. Hãy kiểm tra đường dẫn và quyền đọc."
        case .unreadableWorkbook(let path, let reason):
            "Tệp “\(path)” không phải tệp Excel (.xlsx) đọc được (\(reason)). Hãy mở bằng Excel và lưu lại dạng .xlsx, hoặc lưu thành CSV."
        case .sheetNotFound(let name, let sheets):
            "Không có trang tính “\(name)”. Các trang có: \(sheets.joined(separator: ", "))."
        case .unknownEncoding(let name):
            "Không biết bảng mã “\(name)”. Hãy dùng utf-8, utf-16 hoặc windows-1258."
        case .undecodableText(let path, let encoding):
            "Tệp “\(path)” không đọc được theo bảng mã \(encoding). Hãy ghi --encoding (utf-8, utf-16, windows-1258) hoặc lưu lại từ Excel dạng “CSV UTF-8”."
        case .noHeadingRow(let path):
            "Không tìm thấy dòng tiêu đề cột của sổ trong “\(path)” (Ngày đến, Số đến, Tác giả, Số, ký hiệu, … hoặc Số, ký hiệu, Ngày tháng, Tên loại và trích yếu, …). Hãy chỉ rõ các cột bằng tệp --map."
        case .incomingRegister(let path):
            "“\(path)” là sổ văn bản đến (có cột Ngày đến), không phải sổ văn bản đi. Hãy nhập bằng “vanthu import incoming”."
        case .missingColumns(let names):
            "Sổ thiếu cột bắt buộc: \(names.joined(separator: ", ")). Hãy thêm cột, hoặc chỉ rõ cột nào là cột đó bằng tệp --map."
        case .mappingLine(let line, let reason):
            line.map { "Tệp --map, dòng \($0): \(reason)." } ?? "Tệp --map: \(reason)."
        case .unknownField(let name, let allowed):
            "Tệp --map gán cột cho trường “\(name)” không có. Các trường: \(allowed.joined(separator: ", "))."
        case .badRows(let problems):
            Self.list(problems, row: "Dòng")
                + "Có \(problems.count) dòng không đọc được; chưa nhập gì. Hãy sửa tệp rồi chạy lại (xem trước bằng --dry-run), hoặc thêm --skip-bad để nhập các dòng còn lại."
        case .nothingToImport(let path):
            "Tệp “\(path)” không có dòng văn bản nào để nhập."
        case .gapsInLiveSeries(let register, let gaps, let next):
            "Sau khi nhập, \(register) (sổ đang dùng) sẽ thiếu số \(gaps.prefix(10).joined(separator: ", "))\(gaps.count > 10 ? ", …" : "") và số đến tiếp theo nhảy lên \(next). Chưa nhập gì. Hãy kiểm tra cột số; nếu đúng là sổ cũ thiếu số, thêm --allow-gaps."
        }
    }

    private var english: String {
        switch self {
        case .fileUnreadable(let path):
            "Cannot read “\(path)”. Check the path and the permissions."
        case .unreadableWorkbook(let path, let reason):
            "“\(path)” is not a readable Excel workbook (.xlsx) (\(reason)). Open it in Excel and save it as .xlsx, or as CSV."
        case .sheetNotFound(let name, let sheets):
            "There is no sheet “\(name)”. Sheets: \(sheets.joined(separator: ", "))."
        case .unknownEncoding(let name):
            "Unknown encoding “\(name)”. Use utf-8, utf-16 or windows-1258."
        case .undecodableText(let path, let encoding):
            "“\(path)” cannot be read as \(encoding). Give --encoding (utf-8, utf-16, windows-1258) or save it from Excel as “CSV UTF-8”."
        case .noHeadingRow(let path):
            "No register heading row found in “\(path)” (Ngày đến, Số đến, Tác giả, … or Số, ký hiệu, Ngày tháng, Tên loại và trích yếu, …). Name the columns with a --map file."
        case .incomingRegister(let path):
            "“\(path)” is an incoming register (it has a Ngày đến column), not an outgoing one. Import it with “vanthu import incoming”."
        case .missingColumns(let names):
            "The register lacks required columns: \(names.joined(separator: ", ")). Add them, or name them with a --map file."
        case .mappingLine(let line, let reason):
            line.map { "--map file, line \($0): \(reason)." } ?? "--map file: \(reason)."
        case .unknownField(let name, let allowed):
            "The --map file names an unknown field “\(name)”. Fields: \(allowed.joined(separator: ", "))."
        case .badRows(let problems):
            Self.list(problems, row: "Row")
                + "\(problems.count) rows cannot be read; nothing was imported. Fix the file and run again (check with --dry-run), or add --skip-bad to import the other rows."
        case .nothingToImport(let path):
            "“\(path)” holds no document rows to import."
        case .gapsInLiveSeries(let register, let gaps, let next):
            "After this import \(register) (the register in use) would lack numbers \(gaps.prefix(10).joined(separator: ", "))\(gaps.count > 10 ? ", …" : ""), and the next number would jump to \(next). Nothing was imported. Check the number column; if the old register really has gaps, add --allow-gaps."
        }
    }
}
