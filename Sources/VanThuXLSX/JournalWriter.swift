import Foundation
public import VanThuCore

/// The journal for inspection (`vanthu journal export`): one row per entry, the fields it changed
/// spelled out, and its hash, so that an inspector can re-check the chain by hand.
public enum JournalWriter {
    enum Format: String, CaseIterable {
        case xlsx, pdf, csv
    }

    static let title = "NHẬT KÝ THAY ĐỔI SỔ ĐĂNG KÝ VĂN BẢN"
    static let columns: [(heading: String, width: Double)] = [
        ("Số TT", 8), ("Thời điểm", 22), ("Người thực hiện", 16), ("Thao tác", 16), ("Đối tượng", 16),
        ("Văn bản, sổ, hồ sơ", 22), ("Nội dung thay đổi", 60), ("Mã băm (SHA-256)", 30),
    ]

    /// Writes `entries` (oldest first) for the period `start`…`end`, as XLSX or CSV by the
    /// extension of `path`.
    public static func write(
        _ entries: [JournalEntry], organization: Organization, start: LocalDate, end: LocalDate,
        to path: String, overwrite: Bool = false, protecting: ProtectedPaths
    ) throws -> WrittenFile {
        // The database, its companions and anything not a plain file are named as such first.
        try protecting.check(path)
        guard let format = Format(rawValue: (path as NSString).pathExtension.lowercased()) else {
            throw ExportError.unsupportedOutput(path: path, allowed: Format.allCases.map(\.rawValue))
        }
        guard !entries.isEmpty else { throw ExportError.emptyJournal(start: start, end: end) }
        try AtomicOutput.write(to: path, overwrite: overwrite, protecting: protecting) { temporary in
            switch format {
            case .csv: try writeCSV(entries, to: temporary)
            case .xlsx: try writeXLSX(entries, organization: organization, start: start, end: end, to: temporary)
            case .pdf: try PDFFormWriter(form: printed(entries, organization: organization, start: start, end: end)).write(to: temporary)
            }
        }
        return WrittenFile(path: path, rows: entries.count)
    }

    static func cells(_ entry: JournalEntry) -> [String] {
        [
            String(entry.id), entry.at, entry.user, entry.action,
            entry.entity + (entry.entityId.map { " #\($0)" } ?? ""), entry.reference ?? "",
            changes(entry), entry.hash ?? "",
        ]
    }

    /// "trường: trước → sau" per changed field; the values written, for an entry that only adds.
    static func changes(_ entry: JournalEntry) -> String {
        guard entry.before != nil else { return entry.after ?? "" }
        return entry.changes.map { "\($0.field): \($0.before) → \($0.after)" }.joined(separator: "\n")
    }

    static func periodLine(start: LocalDate, end: LocalDate) -> String { "Từ ngày \(start.registerForm) đến ngày \(end.registerForm)" }

    /// The journal as it prints, landscape: an entry whose changes run longer than a page goes
    /// on with the next one.
    static func printed(_ entries: [JournalEntry], organization: Organization, start: LocalDate, end: LocalDate) -> PrintedForm {
        let table = PrintedForm.Table(
            columns: columns.enumerated().map { .init(heading: $1.heading, width: $1.width, centered: $0 == 0) },
            rows: entries.map { .cells(cells($0)) }, fontSize: 9)
        return PrintedForm(
            title: "Nhật ký thay đổi sổ đăng ký văn bản", author: organization.name, landscape: true,
            blocks: [
                .header(organization, date: nil, motto: false), .line(title, .title, .center),
                .line(periodLine(start: start, end: end), .plain, .center),
                .space(6), .table(table),
            ])
    }

    private static func writeCSV(_ entries: [JournalEntry], to path: String) throws {
        let out = try BufferedFile(path: path)
        try out.write("\u{FEFF}" + columns.map { TextRegisterWriter.quoted($0.heading) }.joined(separator: ",") + "\r\n")
        for entry in entries {
            try out.write(cells(entry).map(TextRegisterWriter.quoted).joined(separator: ",") + "\r\n")
        }
        try out.close()
    }

    private static func writeXLSX(_ entries: [JournalEntry], organization: Organization, start: LocalDate, end: LocalDate, to path: String) throws {
        let workbook = try Workbook(path: path, constantMemory: false)
        do {
            let sheet = try workbook.addWorksheet("Nhật ký")
            let strong = try workbook.addFormat(CellStyle(size: 13, bold: true, center: true))
            let plain = try workbook.addFormat(CellStyle(size: 12, center: true))
            let heading = try workbook.addFormat(CellStyle(size: 12, bold: true, center: true, border: true))
            let text = try workbook.addFormat(CellStyle(size: 11, border: true))
            let last = columns.count - 1
            for (index, column) in columns.enumerated() { try sheet.setColumn(index, width: column.width) }
            try sheet.merge(row: 0, firstColumn: 0, lastColumn: last, text: organization.name.uppercased(), format: strong)
            try sheet.merge(row: 1, firstColumn: 0, lastColumn: last, text: title, format: strong)
            try sheet.merge(
                row: 2, firstColumn: 0, lastColumn: last, text: periodLine(start: start, end: end), format: plain)
            let headingRow = 4
            for (index, column) in columns.enumerated() { try sheet.write(.text(column.heading), row: headingRow, column: index, format: heading) }
            // Each entry as tall as its longest cell (the changes, the hash): one line high, they printed over each other.
            let fitter = RowFitter(fontSize: 11)
            try sheet.setRowHeight(headingRow, fitter.height(columns.map { ($0.heading, $0.width) }))
            for (offset, entry) in entries.enumerated() {
                let values = cells(entry)
                try sheet.setRowHeight(headingRow + 1 + offset, fitter.height(zip(values, columns).map { ($0, $1.width) }))
                for (index, value) in values.enumerated() {
                    try sheet.write(index == 0 ? .number(Int(entry.id)) : .text(value), row: headingRow + 1 + offset, column: index, format: text)
                }
            }
            try sheet.preparePrinting(landscape: true, repeatRows: headingRow...headingRow)
            sheet.freeze(rows: headingRow + 1)
            try sheet.autofilter(firstRow: headingRow, lastRow: headingRow + entries.count, lastColumn: last)
            try workbook.close()
        } catch {
            try? workbook.close()
            throw error
        }
    }
}
