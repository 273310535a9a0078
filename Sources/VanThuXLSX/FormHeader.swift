import VanThuCore

/// The top of a two-column administrative form: the agency on the left, the Quốc hiệu (or
/// "ĐẢNG CỘNG SẢN VIỆT NAM" for a Party body) on the right, then the place and date.
enum FormHeader {
    /// Writes the block from row 0 and returns the first row after it and a blank row.
    static func write(
        _ sheet: Worksheet, organization: Organization, date: LocalDate?,
        center: CellFormat, strong: CellFormat, italic: CellFormat
    ) throws -> Int {
        let party = organization.style == .party
        let left = [organization.parentName?.uppercased(), organization.name.uppercased()].compactMap { $0 } + (party ? ["*"] : [])
        let right = party ? ["ĐẢNG CỘNG SẢN VIỆT NAM"] : ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        var row = 0
        for index in 0..<max(left.count, right.count) {
            try sheet.write(index < left.count ? .text(left[index]) : .blank, row: row, column: 0, format: index == left.count - 1 ? strong : center)
            try sheet.write(index < right.count ? .text(right[index]) : .blank, row: row, column: 1, format: strong)
            row += 1
        }
        try sheet.write(.blank, row: row, column: 0, format: nil)
        let when = date.map(\.longVietnamese) ?? "ngày …… tháng …… năm ……"
        try sheet.write(.text("\(organization.place.map { "\($0), " } ?? "")\(when)"), row: row, column: 1, format: italic)
        return row + 2
    }
}
