import Foundation

/// The rows of a CSV file as Excel writes it: quoted fields with doubled quotes and line
/// breaks, a comma, semicolon or tab delimiter (whichever the first lines use most), and
/// UTF-8 (with or without BOM) or UTF-16 with BOM.
public struct CSVTable: Sendable {
    public var rows: [[String]]

    /// Decodes `data`; nil when it is not UTF-8 or UTF-16 text.
    public init?(data: Data) {
        guard let text = CSVTable.decode(data) else { return nil }
        self.init(text: text)
    }

    public init(text: String) {
        let delimiter = CSVTable.delimiter(of: text)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
            } else if scalar == delimiter {
                row.append(field)
                field = ""
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r", pending == "\n" { pending = iterator.next() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        self.rows = rows
    }

    /// UTF-8, or whatever a byte-order mark says; nil for anything else.
    static func decode(_ data: Data) -> String? {
        try? TextEncoding.decode(data, encoding: .utf8, path: "")
    }

    /// The delimiter used most, outside quotes, in the first five lines.
    static func delimiter(of text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        var lines = 0
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() } else if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
            if !quoted, scalar == "\n" { lines += 1; if lines == 5 { break } }
        }
        return counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }?.key ?? ","
    }
}
