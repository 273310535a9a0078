import Foundation

/// Thời hạn bảo quản of a hồ sơ: vĩnh viễn, or a number of years (ND30 Phụ lục V I.4).
public enum Retention: Equatable, Hashable, Sendable, Comparable {
    case permanent
    case years(Int)

    /// Reads what clerks write: "Vĩnh viễn", "vinh vien", "VV", "10", "10 năm", "10 nam", "10 years".
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("-") { throw ArchiveError.unknownRetention(text) }
        let folded = VietnameseText.fold(trimmed).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "." }).joined(separator: " ")
        switch folded {
        case "vinh vien", "vv", "permanent", "vinhvien": self = .permanent
        default:
            var words = folded.split(separator: " ")
            if words.count == 2, ["nam", "years", "year", "y"].contains(words[1]) { words.removeLast() }
            guard words.count == 1, words[0].allSatisfy(\.isASCIIDigit), !folded.hasPrefix("-"), let years = Int(words[0]), (1...999).contains(years)
            else {
                throw ArchiveError.unknownRetention(text)
            }
            self = .years(years)
        }
    }

    /// The database form: "permanent" or the number of years.
    init?(stored: String?) {
        guard let stored else { return nil }
        if stored == "permanent" { self = .permanent } else if let years = Int(stored) { self = .years(years) } else { return nil }
    }

    var stored: String {
        switch self {
        case .permanent: "permanent"
        case .years(let n): String(n)
        }
    }

    /// "Vĩnh viễn" or "10 năm", as the Danh mục writes it.
    public var label: String {
        switch self {
        case .permanent: "Vĩnh viễn"
        case .years(let n): "\(n) năm"
        }
    }

    /// Only hồ sơ kept five years or more must go to the archive (ND30 Điều 31.3.c).
    public var mustBeTransferred: Bool {
        switch self {
        case .permanent: true
        case .years(let n): n >= 5
        }
    }

    public static func < (lhs: Retention, rhs: Retention) -> Bool {
        switch (lhs, rhs) {
        case (.years(let a), .years(let b)): a < b
        case (.years, .permanent): true
        case (.permanent, _): false
        }
    }
}
