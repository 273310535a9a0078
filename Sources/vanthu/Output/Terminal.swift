import Foundation
import VanThuCore

/// Where output goes: results to stdout, messages to stderr.
enum Terminal {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        print(try JSONOutput.encode(value))
    }

    /// Picks the Vietnamese or English label for the current language.
    static func label(_ vi: String, _ en: String) -> String {
        Language.fromEnvironment() == .vi ? vi : en
    }

    /// A plain text table; cells are cut to `limits` characters where given.
    static func table(headings: [String], rows: [[String]], limits: [Int?] = []) -> String {
        let cut: [[String]] = ([headings] + rows).map { row in
            row.enumerated().map { index, cell in
                let cell = cell.replacingOccurrences(of: "\n", with: " ")
                guard index < limits.count, let limit = limits[index], cell.count > limit else { return cell }
                return String(cell.prefix(limit - 1)) + "…"
            }
        }
        let widths = headings.indices.map { column in cut.map { VietnameseText.width($0[column]) }.max() ?? 0 }
        return cut.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - VietnameseText.width(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
