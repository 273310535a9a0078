import Foundation
import VanThuCore

/// The text of a Word file (DOCX): `word/document.xml`'s paragraphs and table cells, in the
/// order a clerk reads them. A two-column table (the header: issuer and số left, Quốc hiệu and
/// place/date right; the Nơi nhận and signature block) is read a column at a time, as text intake
/// expects; wider tables row by row, cells separated by tabs.
///
/// The XML is read by ``XMLScanner``, which skips DTDs: no entity, external or internal, is ever
/// expanded. The zip is read with ``ZipArchive``'s bounds (declared sizes checked before
/// inflating, CRCs checked).
enum DOCXText {
    /// A document's XML larger than this is not a letter.
    static let maximumXMLBytes = 64 << 20

    static func text(_ data: Data, path: String) throws -> String {
        let xml: [UInt8]
        do {
            let archive = try ZipArchive(bytes: [UInt8](data), path: path)
            guard let document = try archive.data("word/document.xml") else {
                throw DocumentFileError.damaged(path: path, reason: Bilingual(vi: "không có word/document.xml", en: "no word/document.xml"))
            }
            xml = document
        } catch let error as ImportError {
            if case .unreadableWorkbook(_, let reason) = error { throw DocumentFileError.damaged(path: path, reason: reason) }
            throw DocumentFileError.damaged(path: path, reason: Bilingual(untranslated: error.message(in: .en)))
        }
        guard xml.count <= maximumXMLBytes else {
            throw DocumentFileError.damaged(
                path: path, reason: Bilingual(vi: "nội dung quá lớn (hơn 64 MB)", en: "the content is too large (over 64 MB)"))
        }
        return lines(xml).joined(separator: "\n") + "\n"
    }

    /// A table being read: rows of cells, each cell its paragraphs.
    private struct Table {
        var rows: [[[String]]] = []
    }

    static func lines(_ xml: [UInt8]) -> [String] {
        var scanner = XMLScanner(xml)
        var output: [String] = []
        var tables: [Table] = []
        var paragraph: String?
        var inText = false
        var skipping = 0  // inside w:delText, w:instrText: text that is not the document's

        func emit(_ line: String) {
            if tables.isEmpty {
                output.append(line)
            } else if !tables[tables.count - 1].rows.isEmpty, !tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].isEmpty {
                let r = tables[tables.count - 1].rows.count - 1
                let c = tables[tables.count - 1].rows[r].count - 1
                tables[tables.count - 1].rows[r][c].append(line)
            } else {
                output.append(line)
            }
        }

        while let event = scanner.next() {
            switch event {
            case .start(let name, _, let selfClosing):
                switch name {
                case "p" where !selfClosing: paragraph = ""
                case "p": emit("")
                case "t": inText = !selfClosing
                case "tab": paragraph?.append("\t")
                case "br", "cr": paragraph?.append("\n")
                case "delText", "instrText": if !selfClosing { skipping += 1 }
                case "tbl" where !selfClosing: tables.append(Table())
                case "tr" where !selfClosing && !tables.isEmpty: tables[tables.count - 1].rows.append([])
                case "tc" where !selfClosing && !tables.isEmpty && !tables[tables.count - 1].rows.isEmpty:
                    tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append([])
                default: break
                }
            case .end(let name):
                switch name {
                case "p":
                    if let text = paragraph { emit(text) }
                    paragraph = nil
                case "t": inText = false
                case "delText", "instrText": skipping = max(0, skipping - 1)
                case "tbl":
                    guard let table = tables.popLast() else { break }
                    for line in flatten(table) { emit(line) }
                default: break
                }
            case .text(let text):
                if inText, skipping == 0 { paragraph?.append(text) }
            }
        }
        return output
    }

    /// Two columns (or fewer): the left column's cells top to bottom, a blank line, then the right
    /// column's. Wider: row by row.
    private static func flatten(_ table: Table) -> [String] {
        let columns = table.rows.map(\.count).max() ?? 0
        if columns <= 2 {
            var lines: [String] = []
            for column in 0..<columns {
                if column > 0 { lines.append("") }
                for row in table.rows where column < row.count { lines.append(contentsOf: row[column]) }
            }
            return lines
        }
        return table.rows.map { row in row.map { $0.joined(separator: " ") }.joined(separator: "\t") }
    }
}
