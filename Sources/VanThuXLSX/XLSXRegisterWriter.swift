import Foundation
import VanThuCore

/// The XLSX form of a register: a cover sheet as in ND30 Phụ lục IV, then the register sheet
/// with headings, the numbered row (1)…(n), one row per number (voided ones included), borders,
/// real dates, A4 landscape, header rows repeated on every page.
struct XLSXRegisterWriter {
    let context: SheetContext

    func write<Entry: RegisterEntry>(to path: String, rows: RegisterRows<Entry>) throws {
        let workbook = try Workbook(path: path)
        do {
            try writeCover(workbook)
            try writeRegister(workbook, rows: rows)
            try workbook.close()
        } catch {
            try? workbook.close()
            throw error
        }
    }

    private func writeCover(_ workbook: Workbook) throws {
        let sheet = try workbook.addWorksheet("Bìa")
        let plain = try workbook.addFormat(CellStyle(size: 14, center: true))
        let strong = try workbook.addFormat(CellStyle(size: 14, bold: true, center: true))
        let title = try workbook.addFormat(CellStyle(size: 20, bold: true, center: true))
        try sheet.setColumn(0, width: 90)
        let small = try workbook.addFormat(CellStyle(size: 9, center: true))
        let formats: [RegisterCoverLine.Style: CellFormat] = [.plain: plain, .strong: strong, .title: title, .small: small]
        let lines = context.coverLines.map { ($0.text, formats[$0.style] ?? plain) }
        for (row, line) in lines.enumerated() {
            try sheet.setRowHeight(row, line.1 == title ? 36 : 24)
            try sheet.write(.text(line.0), row: row, column: 0, format: line.1)
        }
        try sheet.preparePrinting(landscape: false, repeatRows: nil, numbered: false)
        sheet.centerHorizontally()
    }

    private func writeRegister<Entry: RegisterEntry>(_ workbook: Workbook, rows: RegisterRows<Entry>) throws {
        let columns = context.layout.columns
        let sheet = try workbook.addWorksheet(context.layout.sheetName)
        let heading = try workbook.addFormat(CellStyle(size: 12, bold: true, center: true, border: true))
        let numbering = try workbook.addFormat(CellStyle(size: 11, italic: true, center: true, border: true))
        let text = try workbook.addFormat(CellStyle(size: 12, border: true))
        let centered = try workbook.addFormat(CellStyle(size: 12, center: true, border: true))
        let date = try workbook.addFormat(CellStyle(size: 12, center: true, border: true, numberFormat: "dd/mm/yyyy"))
        for (index, column) in columns.enumerated() { try sheet.setColumn(index, width: column.width) }
        try sheet.setRowHeight(0, 48)
        // Constant-memory mode: every cell of a row before the next row.
        for (index, column) in columns.enumerated() { try sheet.write(.text(column.heading), row: 0, column: index, format: heading) }
        for index in columns.indices { try sheet.write(.text("(\(index + 1))"), row: 1, column: index, format: numbering) }
        let fitter = RowFitter(fontSize: 12)
        var row = 2
        var breaks: [Int] = []
        var month: Int?
        try rows { entry in
            let documentMonth = entry.entryDate.year * 12 + entry.entryDate.month
            if context.request.breakMonthly, let month, month != documentMonth { breaks.append(row) }
            month = documentMonth
            let values = columns.map { entry.value(of: $0.field) }
            // The row as tall as its tallest cell's wrapped text: LibreOffice and converters
            // print the height the file gives, not the one Excel would compute.
            // (Dates and numbers never wrap in their columns: only text is measured.)
            let texts = zip(values, columns).compactMap { value, column -> (text: String, columnWidth: Double)? in
                if case .text(let text) = value { return (text, column.width) }
                return nil
            }
            try sheet.setRowHeight(row, fitter.height(texts))
            for index in columns.indices {
                switch values[index] {
                case .text(let s): try sheet.write(.text(s), row: row, column: index, format: text)
                case .number(let n): try sheet.write(.number(n), row: row, column: index, format: centered)
                case .date(let d): try sheet.write(.date(year: d.year, month: d.month, day: d.day), row: row, column: index, format: date)
                case .empty: try sheet.write(.blank, row: row, column: index, format: text)
                }
            }
            row += 1
        }
        try sheet.preparePrinting(landscape: true, repeatRows: 0...1)
        // Opened (and printed) on the register, not its cover.
        sheet.activate()
        sheet.freeze(rows: 2)
        try sheet.autofilter(firstRow: 1, lastRow: max(row - 1, 1), lastColumn: columns.count - 1)
        try sheet.pageBreaks(before: breaks)
        // After the autofilter: libxlsxwriter refuses a filter over rows above the last one written.
        if let closing = context.closing { try writeClosing(closing, workbook, sheet, from: row + 1) }
    }

    /// The closing block of a closed book under its last row: the statement with the PDF's page
    /// count (the printed book is the PDF), the place and date, the two signatures. Unmerged,
    /// unwrapped cells whose text runs over the empty ones beside it: the sheet streams its rows
    /// (constant memory), where libxlsxwriter refuses merged ranges.
    private func writeClosing(_ closing: RegisterClosing, _ workbook: Workbook, _ sheet: Worksheet, from first: Int) throws {
        let count = context.layout.columns.count
        let (left, right) = (count / 4, count * 3 / 4)
        let plain = try workbook.addFormat(CellStyle(size: 12, wrap: false))
        let italic = try workbook.addFormat(CellStyle(size: 12, italic: true, center: true, wrap: false))
        let strong = try workbook.addFormat(CellStyle(size: 12, bold: true, center: true, wrap: false))
        let hint = try workbook.addFormat(CellStyle(size: 11, italic: true, center: true, wrap: false))
        try sheet.write(.text(closing.statement(pages: closing.pages)), row: first, column: 0, format: plain)
        try sheet.write(.text(closing.placeAndDate), row: first + 2, column: right, format: italic)
        try sheet.write(.text("NGƯỜI LẬP SỔ"), row: first + 3, column: left, format: strong)
        try sheet.write(.text("THỦ TRƯỞNG CƠ QUAN"), row: first + 3, column: right, format: strong)
        try sheet.write(.text("(Ký, ghi rõ họ tên)"), row: first + 4, column: left, format: hint)
        try sheet.write(.text("(Ký tên, đóng dấu)"), row: first + 4, column: right, format: hint)
        try sheet.setRowHeight(first + 5, 72)
        try sheet.write(.text(closing.closerName), row: first + 6, column: left, format: strong)
    }
}
