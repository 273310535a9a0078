/// Which column holds which field: found from the headings, or given by a `--map` file (TOML,
/// read by `VanThuReaders`).
///
/// ```toml
/// # so-den-cu.toml
/// header_row = 4            # optional: the row holding the headings
/// [columns]
/// "Ngày nhận VB" = "arrivalDate"
/// "Số CV" = "notation"
/// "Bỏ qua cột này" = "ignore"
/// ```
public struct ImportMapping: Sendable, Equatable {
    /// Folded heading → field (nil: ignore the column).
    public var columns: [String: ImportField?] = [:]
    public var headerRow: Int?

    public init() {}
}

extension ImportMapping {
    /// Sets what the clerk's file says of one column: a field's name, or `ignore` (`bo-qua`).
    public mutating func map(heading: String, to value: String) throws {
        guard VietnameseText.nonEmpty(heading) != nil else {
            throw ImportError.mappingLine(line: nil, reason: Bilingual(vi: "tiêu đề cột trống", en: "the column heading is empty"))
        }
        if value == "ignore" || value == "bo-qua" {
            columns[ImportField.normalized(heading)] = .some(nil)
        } else if let field = ImportField(rawValue: value) {
            columns[ImportField.normalized(heading)] = field
        } else {
            throw ImportError.unknownField(value, allowed: ImportField.allCases.map(\.rawValue) + ["ignore"])
        }
    }
}
