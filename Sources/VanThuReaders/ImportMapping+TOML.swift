import TOMLKit
public import VanThuCore

extension ImportMapping {
    /// Reads a `--map` file, TOML (escapes, literal strings and comments as TOML has them):
    ///
    /// ```toml
    /// header_row = 4            # optional: the row holding the headings
    /// [columns]
    /// "Ngày nhận VB" = "arrivalDate"
    /// "Bỏ qua cột này" = "ignore"
    /// ```
    public init(toml text: String) throws {
        self.init()
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ImportError.mappingLine(
                line: error.source.begin.line, reason: Self.label("sai cú pháp TOML", "not valid TOML") + " (\(error.description))")
        } catch {
            throw ImportError.mappingLine(line: nil, reason: Self.label("sai cú pháp TOML", "not valid TOML"))
        }
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            switch key {
            case "header_row":
                guard let row = value.int, row >= 1 else {
                    throw ImportError.mappingLine(
                        line: nil, reason: Self.label("header_row phải là số dòng (1, 2, …)", "header_row must be a row number (1, 2, …)"))
                }
                headerRow = row
            case "columns":
                guard let columns = value.table else {
                    throw ImportError.mappingLine(line: nil, reason: Self.label("[columns] phải là một mục", "[columns] must be a table"))
                }
                for heading in columns.keys.sorted() {
                    guard let field = columns[heading]?.string else {
                        throw ImportError.mappingLine(
                            line: nil,
                            reason: Self.label("cần dạng \"tiêu đề cột\" = \"trường\"", "write \"column heading\" = \"field\"") + ": \(heading)")
                    }
                    try map(heading: heading, to: field)
                }
            default:
                throw ImportError.mappingLine(
                    line: nil,
                    reason: value.table != nil
                        ? Self.label("không biết mục [\(key)]", "unknown section [\(key)]")
                        : Self.label("chỉ có header_row = số dòng ở ngoài [columns]", "only header_row = a row number may stand outside [columns]"))
            }
        }
    }

    private static func label(_ vi: String, _ en: String) -> String { Language.fromEnvironment() == .vi ? vi : en }
}
