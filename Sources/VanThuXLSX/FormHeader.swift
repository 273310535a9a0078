import VanThuCore

/// The top of a two-column administrative form: the agency on the left, the Quốc hiệu (or
/// "ĐẢNG CỘNG SẢN VIỆT NAM" for a Party body) on the right, then the place and date. As ND30
/// Phụ lục I (and HD 36) draw them: a short rule under the agency's name, the motto (or the
/// Party's name) underlined.
enum FormHeader {
    /// The short rule under the agency's name: a third to a half of the name's length.
    static let rule = String(repeating: "─", count: 12)

    /// The agency's lines: its parent above it, its name last.
    static func agency(_ organization: Organization) -> [String] {
        [organization.parentName?.uppercased(), organization.name.uppercased()].compactMap { $0 }
    }

    /// The right column: the Quốc hiệu and the motto, or the Party's name; its last line is underlined.
    static func motto(_ organization: Organization) -> [String] {
        organization.style == .party ? ["ĐẢNG CỘNG SẢN VIỆT NAM"] : ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    }

    /// Writes the block from row 0 and returns the first row after it and a blank row.
    static func write(
        _ sheet: Worksheet, workbook: Workbook, organization: Organization, date: LocalDate?,
        center: CellFormat, strong: CellFormat, italic: CellFormat, size: Double
    ) throws -> Int {
        let party = organization.style == .party
        let underlined = try workbook.addFormat(CellStyle(size: size, bold: true, underline: true, center: true))
        let left = agency(organization) + (party ? ["*"] : [rule])
        let right = motto(organization)
        let name = left.count - 2
        var row = 0
        for index in 0..<max(left.count, right.count) {
            try sheet.write(index < left.count ? .text(left[index]) : .blank, row: row, column: 0, format: index == name ? strong : center)
            try sheet.write(
                index < right.count ? .text(right[index]) : .blank, row: row, column: 1, format: index == right.count - 1 ? underlined : strong)
            row += 1
        }
        try sheet.write(.blank, row: row, column: 0, format: nil)
        try sheet.write(.text(LocalDate.placeAndDate(organization.place, date)), row: row, column: 1, format: italic)
        return row + 2
    }
}
