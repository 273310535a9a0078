public import VanThuCore

extension SourceTable {
    /// The rows of a CSV file, each with the line it starts on; damaged rows named with why.
    public init(name: String, csv: CSVTable) {
        self.init(name: name, rows: csv.rows.map { $0.map(SourceTable.csvCell) })
        lines = csv.lines
        uniformRows = true
        damaged = csv.problems.mapValues { problem in
            switch problem {
            case .unclosedQuote:
                Bilingual(
                    vi: "dấu ngoặc kép \" mở mà không đóng (các dòng sau được đọc lại từ dòng kế tiếp)",
                    en: "a quote \" is opened and never closed (the lines after it are read again from the next line)")
            case .fieldTooLong:
                Bilingual(
                    vi: "một ô dài quá \(CSVTable.maximumFieldLength) ký tự", en: "a field is longer than \(CSVTable.maximumFieldLength) characters")
            }
        }
    }

    /// A CSV field as a cell: the `'` vanthu's CSV writers put before a leading `=`, `+`, `-`,
    /// `@` (so a spreadsheet never runs it as a formula) is taken off again.
    private static func csvCell(_ field: String) -> Cell {
        field.isEmpty ? .empty : .text(CSVSafety.unneutralised(field))
    }
}
