import CXLSXWriter
import Foundation
import VanThuCore

/// libxlsxwriter's functions, opened on first use (nil when it is not installed).
private let libxlsxwriter = vt_xlsxwriter_open()?.pointee

/// A cell format of a ``Workbook``, owned by it: the writers hold these without naming a
/// libxlsxwriter type (this file is the only one that talks to libxlsxwriter).
struct CellFormat: Equatable {
    fileprivate let pointer: UnsafeMutablePointer<lxw_format>
}

/// An XLSX file being written with libxlsxwriter in constant-memory mode: rows go out in order
/// and memory stays flat. Owns the C workbook, its sheets and formats; all are dead after
/// ``close()``.
///
/// ## Topics
/// - ``addWorksheet(_:)``
/// - ``addFormat(_:)``
/// - ``close()``
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let lib: VTXLSXWriter
    let path: String

    /// `constantMemory` streams rows (for registers); small sheets with merged titles and
    /// charts (reports, slips) are written in normal mode.
    init(path: String, constantMemory: Bool = true) throws {
        self.path = path
        guard let lib = libxlsxwriter else {
            throw ExportError.cannotWrite(
                path: path,
                reason: .libraryMissing("libxlsxwriter", purpose: ("ghi Excel", "Excel writing"), package: "libxlsxwriter4"))
        }
        self.lib = lib
        var options = lxw_workbook_options(
            constant_memory: UInt8((constantMemory ? LXW_TRUE : LXW_FALSE).rawValue), tmpdir: nil, use_zip64: UInt8(LXW_TRUE.rawValue))
        guard let handle = lib.workbook_new_opt(path, &options) else {
            throw ExportError.cannotWrite(path: path, reason: FileWriting.reason(errno: errno))
        }
        self.handle = handle
    }

    /// Writes the file and frees everything. libxlsxwriter frees the workbook even when writing
    /// fails, so this runs once.
    func close() throws {
        guard let handle else { return }
        self.handle = nil
        try check(lib.workbook_close(handle))
    }

    deinit {
        // lxw_workbook_free is exported but not in the header; closing writes a file we then
        // remove, which is what happens when an export fails half-way.
        if let handle { _ = lib.workbook_close(handle) }
    }

    func addWorksheet(_ name: String) throws -> Worksheet {
        guard let handle else { throw ExportError.workbook("closed") }
        try check(lib.workbook_validate_sheet_name(handle, name))
        guard let sheet = lib.workbook_add_worksheet(handle, name) else { throw ExportError.workbook("sheet \(name)") }
        return Worksheet(lib: lib, handle: sheet)
    }

    /// A cell format; Times New Roman unless `style` says otherwise.
    func addFormat(_ style: CellStyle) throws -> CellFormat {
        guard let handle, let format = lib.workbook_add_format(handle) else { throw ExportError.workbook("format") }
        lib.format_set_font_name(format, style.font)
        lib.format_set_font_size(format, style.size)
        if style.bold { lib.format_set_bold(format) }
        if style.italic { lib.format_set_italic(format) }
        if style.underline { lib.format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        lib.format_set_align(format, UInt8(style.center ? LXW_ALIGN_CENTER.rawValue : LXW_ALIGN_LEFT.rawValue))
        lib.format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        if style.wrap { lib.format_set_text_wrap(format) }
        if style.border { lib.format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let numberFormat = style.numberFormat { lib.format_set_num_format(format, numberFormat) }
        return CellFormat(pointer: format)
    }

    /// A stacked column chart; its series are added with ``Chart/addSeries(name:sheet:categories:values:)``.
    func addStackedColumnChart(title: String) throws -> Chart {
        guard let handle, let chart = lib.workbook_add_chart(handle, UInt8(LXW_CHART_COLUMN_STACKED.rawValue)) else {
            throw ExportError.workbook("chart")
        }
        lib.chart_title_set_name(chart, title)
        lib.chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        return Chart(lib: lib, handle: chart)
    }

    /// Turns a libxlsxwriter status into an error.
    static func check(_ code: lxw_error) throws {
        guard code != LXW_NO_ERROR else { return }
        var text = libxlsxwriter?.lxw_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        while text.hasSuffix(".") { text.removeLast() }
        throw ExportError.workbook(text)
    }

    private func check(_ code: lxw_error) throws { try Workbook.check(code) }
}

@available(*, unavailable) extension Workbook: Sendable {}

/// How a cell looks.
struct CellStyle {
    var font = "Times New Roman"
    var size: Double = 12
    var bold = false
    var italic = false
    var underline = false
    var center = false
    var wrap = true
    var border = false
    var numberFormat: String?
}

/// One sheet of a ``Workbook``; its pointer dies with the workbook.
struct Worksheet {
    /// The UTF-16 units a cell keeps: Excel holds 32,767 (libxlsxwriter refuses more code points).
    static let longestText = 32_000

    /// `text` as a cell keeps it: whole when it fits, else its first characters that fit, never
    /// cut inside a character. A text of at most 32,000 UTF-8 bytes has at most as many UTF-16
    /// units, so only a longer one is walked character by character (walking every cell, as
    /// `prefix(32_000)` did, was 5 % of exporting 200,000 documents).
    static func cellText(_ text: String) -> String {
        guard text.utf8.count > longestText else { return text }
        var units = 0
        var end = text.startIndex
        while end < text.endIndex {
            let next = text.index(after: end)
            units += text.utf16[end..<next].count
            if units > longestText { break }
            end = next
        }
        return String(text[..<end])
    }

    fileprivate let lib: VTXLSXWriter
    fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>

    func write(_ value: CellValueToWrite, row: Int, column: Int, format cellFormat: CellFormat?) throws {
        let format = cellFormat?.pointer
        let r = lxw_row_t(row)
        let c = lxw_col_t(column)
        switch value {
        case .text(let text):
            // write_string never makes a formula, so "=…" stays text.
            try Workbook.check(lib.worksheet_write_string(handle, r, c, Self.cellText(text), format))
        case .number(let n):
            try Workbook.check(lib.worksheet_write_number(handle, r, c, Double(n), format))
        case .date(let year, let month, let day):
            var datetime = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            try Workbook.check(lib.worksheet_write_datetime(handle, r, c, &datetime, format))
        case .blank:
            try Workbook.check(lib.worksheet_write_blank(handle, r, c, format))
        }
    }

    /// Prints the sheet centred between the side margins (a one-page form).
    func centerHorizontally() { lib.worksheet_center_horizontally(handle) }

    func merge(row: Int, firstColumn: Int, lastColumn: Int, text: String, format: CellFormat?) throws {
        try Workbook.check(
            lib.worksheet_merge_range(handle, lxw_row_t(row), lxw_col_t(firstColumn), lxw_row_t(row), lxw_col_t(lastColumn), text, format?.pointer))
    }

    func setColumn(_ column: Int, width: Double) throws {
        try Workbook.check(lib.worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil))
    }

    func setRowHeight(_ row: Int, _ height: Double) throws {
        try Workbook.check(lib.worksheet_set_row(handle, lxw_row_t(row), height, nil))
    }

    /// The sheet the workbook opens on (and a plain "print" prints).
    func activate() { lib.worksheet_activate(handle) }

    /// A4, landscape or portrait, fit to one page wide, page numbers in the footer (none on a
    /// cover, which is not numbered).
    func preparePrinting(landscape: Bool, repeatRows: ClosedRange<Int>?, numbered: Bool = true) throws {
        if landscape { lib.worksheet_set_landscape(handle) } else { lib.worksheet_set_portrait(handle) }
        lib.worksheet_set_paper(handle, 9)  // A4
        lib.worksheet_set_margins(handle, 0.4, 0.4, 0.6, 0.6)
        lib.worksheet_fit_to_pages(handle, 1, 0)
        if numbered { try Workbook.check(lib.worksheet_set_footer(handle, "&CTrang &P / &N")) }
        if let repeatRows {
            try Workbook.check(lib.worksheet_repeat_rows(handle, lxw_row_t(repeatRows.lowerBound), lxw_row_t(repeatRows.upperBound)))
        }
    }

    func freeze(rows: Int) { lib.worksheet_freeze_panes(handle, lxw_row_t(rows), 0) }

    func autofilter(firstRow: Int, lastRow: Int, lastColumn: Int) throws {
        try Workbook.check(lib.worksheet_autofilter(handle, lxw_row_t(firstRow), 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)))
    }

    /// Page breaks before each of `rows` (at most 1023, Excel's limit).
    func pageBreaks(before rows: [Int]) throws {
        guard !rows.isEmpty else { return }
        var breaks = rows.prefix(1023).map { lxw_row_t($0) } + [0]
        try Workbook.check(lib.worksheet_set_h_pagebreaks(handle, &breaks))
    }
}

/// A chart of a ``Workbook``; it dies with the workbook.
struct Chart {
    fileprivate let lib: VTXLSXWriter
    let handle: UnsafeMutablePointer<lxw_chart>

    /// A series whose categories and values are column ranges of `sheet` over `rows`.
    func addSeries(name: String, sheet: String, rows: ClosedRange<Int>, categoryColumn: Int, valueColumn: Int) throws {
        guard let series = lib.chart_add_series(handle, nil, nil) else { throw ExportError.workbook("chart series") }
        lib.chart_series_set_name(series, name)
        lib.chart_series_set_categories(
            series, sheet, lxw_row_t(rows.lowerBound), lxw_col_t(categoryColumn), lxw_row_t(rows.upperBound), lxw_col_t(categoryColumn))
        lib.chart_series_set_values(
            series, sheet, lxw_row_t(rows.lowerBound), lxw_col_t(valueColumn), lxw_row_t(rows.upperBound), lxw_col_t(valueColumn))
    }
}

extension Worksheet {
    func insert(_ chart: Chart, row: Int, column: Int) throws {
        try Workbook.check(lib.worksheet_insert_chart(handle, lxw_row_t(row), lxw_col_t(column), chart.handle))
    }
}

/// A value as the C writer takes it.
enum CellValueToWrite {
    case text(String)
    case number(Int)
    case date(year: Int, month: Int, day: Int)
    case blank
}
