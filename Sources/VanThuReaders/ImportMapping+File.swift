import Foundation
public import VanThuCore

extension ImportMapping {
    /// Reads a `--map` file: `header_row = N`, a `[columns]` section of `"heading" = "field"`
    /// lines, `#` comments. It looks like TOML and a TOML file of that shape reads the same, but
    /// it is not TOML (no escapes, no literal strings), and is not read by a TOML library:
    /// TOMLKit's parser (toml++) aborts on an assertion on a fuzzed file within 30 s of
    /// `make fuzz` (fuzz/regressions/mapping), while this reader has run clean under it.
    public init(mappingFile text: String) throws {
        self.init()
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = strippingTOMLComment(String(raw)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw ImportError.mappingLine(line: index + 1, reason: label("thiếu “]”", "a “]” is missing")) }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let equals = Self.unquotedEquals(line) else {
                throw ImportError.mappingLine(
                    line: index + 1, reason: label("cần dạng \"tiêu đề cột\" = \"trường\"", "write \"column heading\" = \"field\""))
            }
            let key = Self.unquoted(String(line[..<equals]))
            let value = Self.unquoted(String(line[line.index(after: equals)...]))
            switch section {
            case "":
                guard key == "header_row", let row = Int(value), row >= 1 else {
                    throw ImportError.mappingLine(
                        line: index + 1,
                        reason: label("chỉ có header_row = số dòng ở ngoài [columns]", "only header_row = a row number may stand outside [columns]"))
                }
                headerRow = row
            case "columns":
                guard !key.isEmpty else {
                    throw ImportError.mappingLine(line: index + 1, reason: label("tiêu đề cột trống", "the column heading is empty"))
                }
                try map(heading: key, to: value)
            default:
                throw ImportError.mappingLine(line: index + 1, reason: label("không biết mục [\(section)]", "unknown section [\(section)]"))
            }
        }
    }

    private static func unquotedEquals(_ line: String) -> String.Index? {
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == "\"" { quoted.toggle() }
            if line[index] == "=", !quoted { return index }
            index = line.index(after: index)
        }
        return nil
    }

    private static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return trimmed }
        return String(trimmed.dropFirst().dropLast())
    }
}

/// The reason a `--map` line is refused, in both languages.
private func label(_ vi: String, _ en: String) -> Bilingual { Bilingual(vi: vi, en: en) }
