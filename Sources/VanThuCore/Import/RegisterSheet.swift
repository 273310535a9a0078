import Foundation

/// Where a register's headings and rows are in a sheet, and which column holds which field.
struct RegisterSheet {
    var headingRow: Int  // 0-based index into the table's rows
    var firstDataRow: Int
    var columns: [Int: ImportField]
    var headings: [String: String]

    /// Finds the heading row in the first 40 rows: the first with three or more known headings
    /// (or the row a mapping names). A second heading row just below (merged group headings
    /// above) fills its gaps; a numbering row "(1) (2) (3)…" under it is skipped.
    init?(_ table: SourceTable, direction: Direction, mapping: ImportMapping) {
        /// The known headings of a row: column → (field, the heading as written).
        func fields(of row: [SourceTable.Cell]) -> [Int: (field: ImportField, heading: String)] {
            var found: [Int: (field: ImportField, heading: String)] = [:]
            for (index, cell) in row.enumerated() {
                let text = VietnameseText.clean(cell.text)
                if let mapped = mapping.columns[ImportField.normalized(text)] {
                    if let mapped { found[index] = (mapped, text) }
                } else if let field = ImportField.field(heading: text, direction: direction) {
                    found[index] = (field, text)
                }
            }
            return found
        }
        let candidates = mapping.headerRow.map { [$0 - 1] } ?? Array(0..<min(table.rows.count, 40))
        let needed = mapping.headerRow == nil ? 3 : 1
        guard let row = candidates.first(where: { $0 < table.rows.count && Set(fields(of: table.rows[$0]).values.map(\.field)).count >= needed })
        else { return nil }
        var found = fields(of: table.rows[row])
        var next = row + 1
        if next < table.rows.count {
            let below = fields(of: table.rows[next])
            if below.count >= 2 {
                for (index, entry) in below where found[index] == nil { found[index] = entry }
                next += 1
            }
        }
        if next < table.rows.count, Self.isNumberingRow(table.rows[next]) { next += 1 }
        // One column per field: the first wins.
        var columns: [Int: ImportField] = [:]
        var headings: [String: String] = [:]
        for index in found.keys.sorted() {
            guard let entry = found[index], !columns.values.contains(entry.field) else { continue }
            columns[index] = entry.field
            headings[entry.heading] = entry.field.rawValue
        }
        headingRow = row
        firstDataRow = next
        self.columns = columns
        self.headings = headings
    }

    /// "(1) (2) (3)…" or "1 2 3…": the column numbers printed under ND30 headings.
    static func isNumberingRow(_ row: [SourceTable.Cell]) -> Bool {
        let values = row.map(\.text).filter { !$0.isEmpty }
        guard values.count >= 3 else { return false }
        let numbers = values.compactMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "() "))) }
        return numbers.count == values.count && numbers == Array(numbers[0]..<(numbers[0] + numbers.count))
    }

    func missing(_ direction: Direction) -> [String] {
        let present = Set(columns.values)
        return ImportField.required(direction).filter { group in !group.contains(where: present.contains) }.map { $0[0].heading }
    }
}

extension SourceTable {
    /// True when the table has a register's heading row (so a workbook's cover sheet is passed over).
    public func holdsRegister(_ direction: Direction, mapping: ImportMapping) -> Bool {
        RegisterSheet(self, direction: direction, mapping: mapping) != nil
    }
}
