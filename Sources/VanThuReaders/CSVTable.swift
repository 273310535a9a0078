public import Foundation

/// The rows of a CSV file as Excel writes it: quoted fields with doubled quotes and line
/// breaks, a comma, semicolon or tab delimiter (whichever the first lines use most), and
/// UTF-8 (with or without BOM) or UTF-16 with BOM.
///
/// A row that cannot be what its writer meant is kept with a ``Problem`` instead of being
/// silently merged with its neighbours: a quote opened and never closed (the rows after it
/// are read again from the next line), or a field longer than ``maximumFieldLength``.
public struct CSVTable: Sendable {
    public var rows: [[String]]
    /// The line each row starts on, from 1 (a quoted line break makes a row span lines).
    public var lines: [Int]
    /// Rows that are damaged, by index into ``rows``.
    public var problems: [Int: Problem]

    /// Why a row is damaged.
    public enum Problem: Sendable, Equatable {
        /// A `"` opened a field on this row and nothing closed it.
        case unclosedQuote
        /// A field is longer than ``maximumFieldLength`` characters (Excel's limit for a cell).
        case fieldTooLong
    }

    /// Excel's limit for the text of a cell; a longer field is no register's, and reading
    /// stops accumulating it (memory stays bounded whatever the file holds).
    public static let maximumFieldLength = 32_767

    /// Decodes `data`; nil when it is not UTF-8 or UTF-16 text.
    public init?(data: Data) {
        guard let text = CSVTable.decode(data) else { return nil }
        self.init(text: text)
    }

    public init(text: String) {
        let delimiter = CSVTable.delimiter(of: text)
        // A line inside a quoted field with as many delimiters as a whole row has is a row the
        // quote swallowed (a stray `"` closed by a later one), not a line break in a cell.
        let rowDelimiters = CSVTable.delimitersPerRow(text, delimiter)
        let scalars = text.unicodeScalars
        var rows: [[String]] = []
        var lines: [Int] = []
        var problems: [Int: Problem] = [:]
        var position = scalars.startIndex
        var line = 1
        // A quote left open to the end of the file costs a pass to the end; past this many
        // the rest of the file is one bad row (the import is refused anyway), so time stays
        // bounded.
        var passesLeft = 100
        // Each pass reads rows until the end; a quote left open at the end sends the reading
        // back to the line after the row that opened it.
        while position < scalars.endIndex {
            var row: [String] = []
            var field = String.UnicodeScalarView()
            var fieldLength = 0
            var tooLong = false
            var quoted = false
            var rowLine = line
            var rowStart = position
            var index = position
            func endRow() {
                row.append(String(field))
                if tooLong { problems[rows.count] = .fieldTooLong }
                rows.append(row)
                lines.append(rowLine)
                row = []
                field = String.UnicodeScalarView()
                fieldLength = 0
                tooLong = false
            }
            func append(_ scalar: Unicode.Scalar) {
                fieldLength += 1
                if fieldLength > CSVTable.maximumFieldLength { tooLong = true } else { field.append(scalar) }
            }
            while index < scalars.endIndex {
                let scalar = scalars[index]
                index = scalars.index(after: index)
                let next: Unicode.Scalar? = index < scalars.endIndex ? scalars[index] : nil
                if quoted {
                    if scalar == "\"" {
                        if next == "\"" {
                            append("\"")
                            index = scalars.index(after: index)
                        } else {
                            quoted = false
                        }
                    } else {
                        if scalar == "\n" || (scalar == "\r" && next != "\n") {
                            line += 1
                            if rowDelimiters >= 2, CSVTable.delimiters(onLineAt: index, in: scalars, delimiter) >= rowDelimiters { break }
                        }
                        append(scalar)
                    }
                } else if scalar == "\"" && fieldLength == 0 {
                    quoted = true
                } else if scalar == delimiter {
                    row.append(String(field))
                    field = String.UnicodeScalarView()
                    fieldLength = 0
                } else if scalar == "\r" || scalar == "\n" {
                    if scalar == "\r", next == "\n" { index = scalars.index(after: index) }
                    line += 1
                    endRow()
                    rowLine = line
                    rowStart = index
                } else {
                    append(scalar)
                }
            }
            // Only a pass that read to the end of the file is costly.
            if index == scalars.endIndex { passesLeft -= 1 }
            if quoted {
                // The quote that opened on `rowLine` swallowed the rest: that row is bad, and
                // the file is read again from the line after it.
                row.append(String(field))
                problems[rows.count] = .unclosedQuote
                rows.append(row)
                lines.append(rowLine)
                position = passesLeft > 0 ? CSVTable.lineAfter(rowStart, in: scalars) : scalars.endIndex
                line = rowLine + 1
                continue
            }
            if fieldLength > 0 || !row.isEmpty { endRow() }
            position = scalars.endIndex
        }
        self.rows = rows
        self.lines = lines
        self.problems = problems
    }

    /// The most delimiters outside quotes on one of the first five lines: a row's count.
    static func delimitersPerRow(_ text: String, _ delimiter: Unicode.Scalar) -> Int {
        var most = 0
        var count = 0
        var quoted = false
        var lines = 0
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() } else if !quoted, scalar == delimiter { count += 1 }
            if !quoted, scalar == "\n" {
                most = max(most, count)
                count = 0
                lines += 1
                if lines == 5 { break }
            }
        }
        return max(most, count)
    }

    /// The delimiters on the physical line starting at `start`, quotes or not.
    static func delimiters(onLineAt start: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView, _ delimiter: Unicode.Scalar) -> Int {
        var count = 0
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" { break }
            if scalar == delimiter { count += 1 }
            index = scalars.index(after: index)
        }
        return count
    }

    /// Where the line after the one starting at `start` begins.
    private static func lineAfter(_ start: String.UnicodeScalarView.Index, in scalars: String.UnicodeScalarView) -> String.UnicodeScalarView.Index {
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if scalar == "\n" { return index }
            if scalar == "\r" { return index < scalars.endIndex && scalars[index] == "\n" ? scalars.index(after: index) : index }
        }
        return index
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
            if !quoted, scalar == "\n" {
                lines += 1
                if lines == 5 { break }
            }
        }
        return counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }?.key ?? ","
    }
}
