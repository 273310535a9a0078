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
        func fields(of row: [SourceTable.Cell]) -> [Int: ImportField] {
            var found: [Int: ImportField] = [:]
            for (index, cell) in row.enumerated() {
                let text = cell.text
                if let mapped = mapping.columns[ImportField.normalized(text)] {
                    if let mapped { found[index] = mapped }
                } else if let field = ImportField.field(heading: text, direction: direction) {
                    found[index] = field
                }
            }
            return found
        }
        let candidates = mapping.headerRow.map { [$0 - 1] } ?? Array(0..<min(table.rows.count, 40))
        guard let row = candidates.first(where: { $0 < table.rows.count && Set(fields(of: table.rows[$0]).values).count >= (mapping.headerRow == nil ? 3 : 1) })
        else { return nil }
        var columns = fields(of: table.rows[row])
        var next = row + 1
        if next < table.rows.count {
            let below = fields(of: table.rows[next])
            if below.count >= 2 {
                for (index, field) in below where !columns.values.contains(field) || columns[index] == nil { columns[index] = field }
                next += 1
            }
        }
        if next < table.rows.count, Self.isNumberingRow(table.rows[next]) { next += 1 }
        // One column per field: the first wins.
        var seen = Set<ImportField>()
        for index in columns.keys.sorted() {
            guard let field = columns[index] else { continue }
            if seen.contains(field) { columns[index] = nil } else { seen.insert(field) }
        }
        headingRow = row
        firstDataRow = next
        self.columns = columns
        var headings: [String: String] = [:]
        for (index, field) in columns {
            let text = [row, row + 1].compactMap { $0 < table.rows.count && index < table.rows[$0].count ? table.rows[$0][index].text : nil }
                .first { ImportField.field(heading: $0, direction: direction) == field || mapping.columns[ImportField.normalized($0)] != nil } ?? field.heading
            headings[VietnameseText.clean(text)] = field.rawValue
        }
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

import Foundation

extension SourceTable {
    /// True when the table has a register's heading row (so a workbook's cover sheet is passed over).
    public func holdsRegister(_ direction: Direction, mapping: ImportMapping) -> Bool {
        RegisterSheet(self, direction: direction, mapping: mapping) != nil
    }
}
