/// The cells of one sheet or CSV file, as read, before any meaning is given to them.
public struct SourceTable: Sendable {
    /// One cell: text, a number (Excel keeps dates as serial numbers), or nothing.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty

        /// The cell as a clerk sees it: `791`, not `791.0`.
        public var text: String {
            switch self {
            case .text(let s): s
            case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .empty: ""
            }
        }
    }

    /// The sheet's name, or the file's for CSV.
    public var name: String
    public var rows: [[Cell]]
    /// True when the workbook counts dates from 1904 (old Mac Excel).
    public var date1904 = false

    public init(name: String, rows: [[Cell]], date1904: Bool = false) {
        self.name = name
        self.rows = rows
        self.date1904 = date1904
    }

    /// The line of the file each row starts on, where it differs from the row's position (CSV).
    public var lines: [Int]?
    /// Rows the reader found damaged, by index, with the reason.
    public var damaged: [Int: Bilingual] = [:]
    /// True when every row must have as many fields as the heading row (CSV; a sheet's rows
    /// end at their last filled cell).
    public var uniformRows = false

    /// The line (CSV) or row (sheet) number of a row, from 1, as the clerk finds it in the file.
    public func lineNumber(ofRow index: Int) -> Int {
        guard let lines, index < lines.count else { return index + 1 }
        return lines[index]
    }
}
