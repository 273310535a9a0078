public import Foundation
public import VanThuCore

/// A list of documents as the web front's filters found them ("Xuất Excel danh sách này"): one
/// row per document with the columns of the list, rows fitted to their text so any office suite
/// prints the same pages, headings repeated on each printed page.
public enum DocumentListWriter {
    static let columns: [(heading: String, width: Double)] = [
        ("Số", 7), ("Ngày đến/đi", 11), ("Số, ký hiệu", 18), ("Tác giả / Nơi nhận", 26), ("Tên loại và trích yếu nội dung", 48),
        ("Chủ trì", 20), ("Hạn giải quyết", 11), ("Trạng thái", 14),
    ]

    /// The workbook's bytes: written to a private temporary file (libxlsxwriter writes files),
    /// read back and removed.
    public static func workbook(_ documents: [Document], title: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("danh-sach.xlsx").path
        try write(documents, title: title, to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func write(_ documents: [Document], title: String, to path: String) throws {
        let workbook = try Workbook(path: path, constantMemory: false)
        let sheet = try workbook.addWorksheet("Danh sách")
        let titleFormat = try workbook.addFormat(CellStyle(size: 14, bold: true, center: true))
        let heading = try workbook.addFormat(CellStyle(bold: true, center: true, border: true))
        let cell = try workbook.addFormat(CellStyle(border: true))
        let number = try workbook.addFormat(CellStyle(center: true, border: true))
        for (index, column) in columns.enumerated() { try sheet.setColumn(index, width: column.width) }
        try sheet.merge(row: 0, firstColumn: 0, lastColumn: columns.count - 1, text: title, format: titleFormat)
        let fitter = RowFitter(fontSize: 12)
        try sheet.setRowHeight(2, fitter.height(columns.map { ($0.heading, $0.width) }))
        for (index, column) in columns.enumerated() { try sheet.write(.text(column.heading), row: 2, column: index, format: heading) }
        for (offset, d) in documents.enumerated() {
            let values = [
                d.displayNumber, d.registerDate.vietnamese, d.notation?.full ?? "",
                d.direction == .incoming ? d.organName : d.recipients.joined(separator: "; "),
                (d.voided.map { "[ĐÃ HỦY: \($0.reason)] " } ?? "") + "\(d.typeName) \(d.subject)",
                d.handler ?? "", d.dueDate?.vietnamese ?? "",
                d.voided != nil ? "Đã hủy" : d.direction == .incoming ? d.status.name(in: .vi) : "",
            ]
            let row = 3 + offset
            try sheet.setRowHeight(row, fitter.height(zip(values, columns).map { ($0, $1.width) }))
            for (index, value) in values.enumerated() { try sheet.write(.text(value), row: row, column: index, format: index < 2 ? number : cell) }
        }
        try sheet.preparePrinting(landscape: true, repeatRows: 2...2)
        try workbook.close()
    }
}
