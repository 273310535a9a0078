import Foundation
public import VanThuCore

/// What a report or slip wrote.
public struct WrittenFile: Sendable {
    public var path: String
    public var rows: Int
}

/// Báo cáo tình hình giải quyết văn bản đến (ND30 Phụ lục VI mục V): per lead unit, the
/// documents received, done on time, done late, pending and overdue, with a chart. Urgent
/// documents still open are listed first.
public enum ProcessingReportWriter {
    static let sheetName = "Báo cáo"
    static let headings = [
        "STT", "Đơn vị chủ trì", "Số văn bản nhận", "Đã giải quyết đúng hạn", "Đã giải quyết quá hạn",
        "Đang giải quyết trong hạn", "Quá hạn chưa giải quyết", "Trả lại",
    ]

    public static func write(
        _ report: ProcessingReport, organization: Organization, to path: String, overwrite: Bool = false, protecting: ProtectedPaths
    ) throws -> WrittenFile {
        guard report.total.received > 0 else {
            throw ExportError.emptyPeriod(register: "Báo cáo tình hình giải quyết văn bản đến", start: report.period.start, end: report.period.end)
        }
        try FormOutput.write(
            to: path, overwrite: overwrite, protecting: protecting, printed: { printed(report, organization: organization) },
            workbook: { try fill($0, report: report, organization: organization) })
        return WrittenFile(path: path, rows: report.rows.count)
    }

    static let widths = [6.0, 34, 12, 14, 14, 14, 14, 10]

    static func periodLine(_ report: ProcessingReport) -> String {
        "Từ ngày \(report.period.start.registerForm) đến ngày \(report.period.end.registerForm) (số liệu tính đến ngày \(report.today.registerForm))"
    }

    static func urgentLine(_ document: Document) -> String {
        let label = document.urgency?.label ?? ""
        let unit = document.handler ?? "chưa chuyển"
        let due = document.dueDate.map { ", hạn \($0.registerForm)" } ?? ""
        return
            "⚑ \(label) – số đến \(document.displayNumber) ngày \(document.registerDate.registerForm): \(RegisterField.documentDescription.value(for: document).text) (\(unit)\(due))"
    }

    /// The report as it prints: the same figures; the chart is the workbook's alone.
    static func printed(_ report: ProcessingReport, organization: Organization) -> PrintedForm {
        var blocks: [PrintedForm.Block] = [
            .header(organization, date: nil, motto: false), .line("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN", .title, .center),
            .line(periodLine(report), .plain, .center), .space(8),
        ]
        if !report.urgentOpen.isEmpty {
            blocks.append(.line("VĂN BẢN KHẨN CHƯA GIẢI QUYẾT XONG: \(report.urgentOpen.count)", .bold))
            blocks += report.urgentOpen.map { .line(urgentLine($0), .plain) }
            blocks.append(.space(8))
        }
        let rows: [PrintedForm.Row] =
            report.rows.enumerated().map { index, line in .cells([String(index + 1), line.unit ?? "(Chưa chuyển)"] + line.counts.map(String.init)) }
            + [.total(["", "Tổng cộng"] + report.total.counts.map(String.init))]
        let columns = zip(headings, widths).enumerated().map { index, column in
            PrintedForm.Column(heading: column.0, width: column.1, centered: index != 1)
        }
        blocks.append(.table(.init(columns: columns, rows: rows)))
        // Signed like the registers it counts: the clerk who made it, the head of the agency.
        blocks += [
            .line(LocalDate.placeAndDate(organization.place, report.today), .italic, .right),
            .signatures([
                (title: "NGƯỜI LẬP BÁO CÁO", hint: "(Ký, ghi rõ họ tên)", name: ""),
                (title: "THỦ TRƯỞNG CƠ QUAN", hint: "(Ký tên, đóng dấu)", name: ""),
            ]),
        ]
        return PrintedForm(title: "Báo cáo tình hình giải quyết văn bản đến", author: organization.name, landscape: true, blocks: blocks)
    }

    private static func fill(_ workbook: Workbook, report: ProcessingReport, organization: Organization) throws {
        let sheet = try workbook.addWorksheet(sheetName)
        let plain = try workbook.addFormat(CellStyle(size: 13, center: true))
        let strong = try workbook.addFormat(CellStyle(size: 13, bold: true, center: true))
        let title = try workbook.addFormat(CellStyle(size: 15, bold: true, center: true))
        let heading = try workbook.addFormat(CellStyle(size: 12, bold: true, center: true, border: true))
        let text = try workbook.addFormat(CellStyle(size: 12, border: true))
        let number = try workbook.addFormat(CellStyle(size: 12, center: true, border: true))
        let totalText = try workbook.addFormat(CellStyle(size: 12, bold: true, border: true))
        let totalNumber = try workbook.addFormat(CellStyle(size: 12, bold: true, center: true, border: true))
        let flag = try workbook.addFormat(CellStyle(size: 12, bold: true))
        let last = headings.count - 1
        for (index, width) in widths.enumerated() { try sheet.setColumn(index, width: width) }
        // Every row as tall as its wrapped text: LibreOffice prints the height the file gives.
        let fitter = RowFitter(fontSize: 12)
        var row = 0
        func line(_ value: String, _ format: CellFormat) throws {
            try sheet.merge(row: row, firstColumn: 0, lastColumn: last, text: value, format: format)
            row += 1
        }
        if let parent = organization.parentName { try line(parent.uppercased(), plain) }
        try line(organization.name.uppercased(), strong)
        row += 1
        try line("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN", title)
        try line(periodLine(report), plain)
        row += 1
        if !report.urgentOpen.isEmpty {
            try sheet.merge(
                row: row, firstColumn: 0, lastColumn: last, text: "VĂN BẢN KHẨN CHƯA GIẢI QUYẾT XONG: \(report.urgentOpen.count)", format: flag)
            row += 1
            for document in report.urgentOpen {
                let line = urgentLine(document)
                try sheet.setRowHeight(row, fitter.height([(line, widths.reduce(0, +))]))
                try sheet.merge(row: row, firstColumn: 0, lastColumn: last, text: line, format: text)
                row += 1
            }
            row += 1
        }
        let headingRow = row
        try sheet.setRowHeight(row, 48)
        for (index, value) in headings.enumerated() { try sheet.write(.text(value), row: row, column: index, format: heading) }
        row += 1
        let firstDataRow = row
        for (index, line) in report.rows.enumerated() {
            try sheet.setRowHeight(row, fitter.height([(line.unit ?? "(Chưa chuyển)", widths[1])]))
            try sheet.write(.number(index + 1), row: row, column: 0, format: number)
            try sheet.write(.text(line.unit ?? "(Chưa chuyển)"), row: row, column: 1, format: text)
            for (offset, value) in line.counts.enumerated() { try sheet.write(.number(value), row: row, column: offset + 2, format: number) }
            row += 1
        }
        let lastDataRow = row - 1
        try sheet.write(.blank, row: row, column: 0, format: totalText)
        try sheet.write(.text("Tổng cộng"), row: row, column: 1, format: totalText)
        for (offset, value) in report.total.counts.enumerated() { try sheet.write(.number(value), row: row, column: offset + 2, format: totalNumber) }
        row += 2
        let chart = try workbook.addStackedColumnChart(title: "Tình hình giải quyết văn bản đến theo đơn vị")
        for column in 3...6 {
            try chart.addSeries(name: headings[column], sheet: sheetName, rows: firstDataRow...lastDataRow, categoryColumn: 1, valueColumn: column)
        }
        try sheet.insert(chart, row: row, column: 1)
        try sheet.preparePrinting(landscape: true, repeatRows: headingRow...headingRow)
    }
}
