public import Foundation
public import VanThuCore

/// Reads the sheets of an XLSX workbook (as Excel, LibreOffice, openpyxl or vanthu write it)
/// into tables of cells: shared and inline strings, numbers, booleans; formulas by their
/// cached value. Styles are not read: the importer knows which columns hold dates.
public struct XLSXReader {
    /// A sheet's name and its worksheet member in the zip file.
    public struct Sheet: Sendable {
        public var name: String
        var member: String
    }

    private let archive: ZipArchive
    public let sheets: [Sheet]
    private let sharedStrings: [String]
    private let date1904: Bool

    /// Reads a workbook already in memory (`path` names it in messages); throws
    /// ``ImportError/unreadableWorkbook(path:reason:)`` when it is not a readable XLSX.
    public init(data: Data, path: String) throws {
        archive = try ZipArchive(bytes: [UInt8](data), path: path)
        guard let workbook = try archive.data("xl/workbook.xml") else {
            throw ZipArchive.damaged(path, "thiếu xl/workbook.xml", "no xl/workbook.xml")
        }
        var relations: [String: String] = [:]
        if let rels = try archive.data("xl/_rels/workbook.xml.rels") {
            var scanner = XMLScanner(rels)
            while let event = scanner.next() {
                if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"] {
                    relations[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        var sheets: [Sheet] = []
        var date1904 = false
        var scanner = XMLScanner(workbook)
        while let event = scanner.next() {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "workbookPr" { date1904 = attributes["date1904"] == "1" || attributes["date1904"] == "true" }
            if name == "sheet", let sheetName = attributes["name"], let id = attributes["id"], let member = relations[id] {
                sheets.append(Sheet(name: sheetName, member: member))
            }
        }
        self.sheets = sheets
        self.date1904 = date1904
        sharedStrings = try archive.data("xl/sharedStrings.xml").map(Self.sharedStrings) ?? []
    }

    /// Excel's grid: a reference beyond it is a damaged (or hostile) sheet.
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384
    /// Columns past this are not read: a register has a few dozen, and a stray cell in column
    /// XFD of every row would otherwise fill memory with empty cells.
    static let readColumns = 256
    /// At most this many cells (the empty ones before a filled cell included) are kept: twice a
    /// million-row register's, about 400 MB.
    static let maximumCells = 16_000_000

    /// The cells of a sheet, row by row; missing rows and cells are empty.
    public func table(_ sheet: Sheet) throws -> SourceTable {
        guard let bytes = try archive.data(sheet.member) else { return SourceTable(name: sheet.name, rows: [], date1904: date1904) }
        return try Self.table(sheetXML: bytes, name: sheet.name, sharedStrings: sharedStrings, date1904: date1904, path: archive.path)
    }

    /// The cells of a worksheet's XML (`xl/worksheets/sheetN.xml`), given the workbook's shared
    /// strings; `path` names the workbook in messages.
    public static func table(
        sheetXML bytes: [UInt8], name: String, sharedStrings: [String], date1904: Bool = false, path: String
    ) throws -> SourceTable {
        let sheet = (name: name, path: path)
        var rows: [[SourceTable.Cell]] = []
        var scanner = XMLScanner(bytes)
        var row: [SourceTable.Cell] = []
        var rowNumber = 0
        var column = 0
        var type = ""
        var value = ""
        var inValue = false
        var inCell = false
        var cells = 0
        func finishRow() throws {
            while rows.count < rowNumber - 1 { rows.append([]) }
            while let last = row.last, last == .empty { row.removeLast() }
            cells += row.count
            guard cells <= Self.maximumCells else {
                throw ZipArchive.damaged(
                    sheet.path, "trang \(sheet.name) có hơn \(Self.maximumCells) ô", "\(sheet.name) holds more than \(Self.maximumCells) cells")
            }
            rows.append(row)
            row = []
        }
        while let event = scanner.next() {
            switch event {
            case .start("row", let attributes, let selfClosing):
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                // Rows come in order; one out of order or off the grid would make the table
                // grow without bound.
                guard rowNumber > rows.count, rowNumber <= Self.maximumRow else {
                    throw ZipArchive.damaged(
                        sheet.path, "trang \(sheet.name) có dòng số \(attributes["r"] ?? "?") sai thứ tự hoặc ngoài lưới của Excel",
                        "\(sheet.name) has a row numbered \(attributes["r"] ?? "?") out of order or beyond Excel's grid")
                }
                column = 0
                if selfClosing { try finishRow() }
            case .start("c", let attributes, let selfClosing):
                column =
                    try attributes["r"].map { reference in
                        guard let index = Self.columnIndex(reference) else {
                            throw ZipArchive.damaged(
                                sheet.path, "trang \(sheet.name) có ô “\(reference.prefix(20))” ngoài lưới của Excel",
                                "\(sheet.name) has a cell reference “\(reference.prefix(20))” beyond Excel's grid")
                        }
                        return index
                    } ?? column + 1
                type = attributes["t"] ?? "n"
                value = ""
                inCell = !selfClosing
            case .start("v", _, false), .start("t", _, false):
                if inCell { inValue = true }
            case .start("rPh", _, false):
                inValue = false
            case .text(let text) where inValue:
                value += text
            case .end("v"), .end("t"):
                inValue = false
            case .end("c"):
                inCell = false
                let cell: SourceTable.Cell
                switch type {
                case "s": cell = Int(value).flatMap { sharedStrings.indices.contains($0) ? .text(sharedStrings[$0]) : nil } ?? .empty
                case "inlineStr", "str": cell = value.isEmpty ? .empty : .text(value)
                case "b": cell = .text(value == "1" ? "TRUE" : "FALSE")
                case "e": cell = .empty
                default: cell = Double(value).map { .number($0) } ?? (value.isEmpty ? .empty : .text(value))
                }
                if column >= 1, column <= Self.readColumns {
                    while row.count < column - 1 { row.append(.empty) }
                    if row.count == column - 1 { row.append(cell) } else { row[column - 1] = cell }
                }
            case .end("row"):
                try finishRow()
            default:
                break
            }
        }
        return SourceTable(name: name, rows: rows, date1904: date1904)
    }

    /// "AB12" → 28; nil past column XFD (16,384), so no arithmetic can overflow.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        for byte in reference.utf8 {
            guard byte >= 0x41 && byte <= 0x5A else { break }
            index = index * 26 + Int(byte - 0x40)
            guard index <= maximumColumn else { return nil }
        }
        return index
    }

    /// The shared strings, rich runs joined, phonetic runs left out.
    static func sharedStrings(_ bytes: [UInt8]) -> [String] {
        var strings: [String] = []
        var scanner = XMLScanner(bytes)
        var current = ""
        var inText = false
        var inPhonetic = false
        while let event = scanner.next() {
            switch event {
            case .start("si", _, let selfClosing):
                current = ""
                if selfClosing { strings.append("") }
            case .start("t", _, false): inText = !inPhonetic
            case .start("rPh", _, false): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .text(let text) where inText: current += text
            case .end("t"): inText = false
            case .end("si"): strings.append(current)
            default: break
            }
        }
        return strings
    }
}
