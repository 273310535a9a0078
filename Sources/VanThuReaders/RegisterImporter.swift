import Foundation
public import VanThuCore

/// `vanthu import`: reads a register kept in Excel or CSV and hands its rows to the registry.
public enum RegisterImporter {
    /// Where the rows are and how to read them.
    public struct Source: Sendable {
        public var path: String
        /// The sheet of a workbook; the first sheet holding a register when nil.
        public var sheet: String?
        /// For CSV; detected when nil.
        public var encoding: String?
        /// A `--map` file naming columns the headings do not tell.
        public var mappingPath: String?

        public init(path: String, sheet: String? = nil, encoding: String? = nil, mappingPath: String? = nil) {
            self.path = path
            self.sheet = sheet
            self.encoding = encoding
            self.mappingPath = mappingPath
        }
    }

    public static func importFile(_ source: Source, into registry: Registry, options: ImportOptions) throws -> ImportReport {
        var options = options
        if let mappingPath = source.mappingPath {
            guard ContentStore.isRegularFile(mappingPath), let data = FileManager.default.contents(atPath: mappingPath) else {
                throw ImportError.fileUnreadable(path: mappingPath)
            }
            options.mapping = try ImportMapping(mappingFile: try TextEncoding.decode(data, encoding: .utf8, path: mappingPath))
        }
        let encoding = try source.encoding.map(TextEncoding.init(name:))
        let (table, sha256) = try read(source, encoding: encoding, direction: options.direction, mapping: options.mapping)
        return try ImportService(registry).importRegister(table, file: source.path, sha256: sha256, options: options)
    }

    /// The table to import and the file's SHA-256.
    static func read(_ source: Source, encoding: TextEncoding?, direction: Direction, mapping: ImportMapping) throws -> (SourceTable, String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            ContentStore.isRegularFile(source.path), let data = FileManager.default.contents(atPath: source.path)
        else { throw ImportError.fileUnreadable(path: source.path) }
        let sha256 = SHA256.hex(of: data)
        let name = (source.path as NSString).lastPathComponent
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let workbook = try XLSXReader(data: data, path: source.path)
            if let wanted = source.sheet {
                let folded = VietnameseText.fold(wanted)
                guard
                    let sheet = workbook.sheets.first(where: { $0.name == wanted })
                        ?? workbook.sheets.first(where: { VietnameseText.fold($0.name) == folded })
                else { throw ImportError.sheetNotFound(wanted, sheets: workbook.sheets.map(\.name)) }
                return (try workbook.table(sheet), sha256)
            }
            var first: SourceTable?
            for sheet in workbook.sheets {
                let table = try workbook.table(sheet)
                if table.holdsRegister(direction, mapping: mapping) { return (table, sha256) }
                if first == nil { first = table }
            }
            return (first ?? SourceTable(name: name, rows: []), sha256)
        }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ImportError.unreadableWorkbook(path: source.path, reason: Bilingual(vi: "dạng Excel 97–2003 .xls", en: "Excel 97–2003 .xls"))
        }
        let text = try TextEncoding.decode(data, encoding: encoding, path: source.path)
        return (SourceTable(name: name, csv: CSVTable(text: text)), sha256)
    }
}
