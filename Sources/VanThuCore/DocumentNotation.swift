import Foundation

/// The số and ký hiệu of a document: `15/QĐ-UBND` (state, ND30), `12-BC/TU` (Party, HD36).
///
/// Parsing is tolerant of the ways clerks type them: a `Số:`/`Số` prefix, spaces around the
/// separators, en and em dashes, lower case.
public struct DocumentNotation: Hashable, Sendable {
    /// The số as written, leading zeros kept ("05", "12a").
    public let number: String
    /// The ký hiệu after the number: "QĐ-UBND", "BC/TU", "2020/NĐ-CP".
    public let notation: String
    public let style: DocumentStyle

    public init(number: String, notation: String, style: DocumentStyle) {
        self.number = number
        self.notation = notation
        self.style = style
    }

    /// `15/QĐ-UBND` or `12-BC/TU`.
    public var full: String { style == .state ? "\(number)/\(notation)" : "\(number)-\(notation)" }

    /// The line as printed under the issuing body: `Số: 15/QĐ-UBND` or `Số 12-BC/TU`.
    public var numberLine: String { style == .state ? "Số: \(full)" : "Số \(full)" }

    /// The type code the ký hiệu carries, if any: "QĐ" in `15/QĐ-UBND`, "BC" in `12-BC/TU`,
    /// "NĐ" in `30/2020/NĐ-CP`; for a state công văn (`899/STTTT-TTBCBC`) the first group, which
    /// the caller checks against the type table.
    public var typeCodeCandidate: String? {
        switch style {
        case .party:
            return notation.split(separator: "/").first.map(String.init)
        case .state:
            let groups = notation.split(whereSeparator: { $0 == "/" || $0 == "-" })
            return groups.first(where: { !$0.allSatisfy(\.isASCIIDigit) }).map(String.init)
        }
    }

    /// A form for comparing two notations however they were typed: no leading zeros, upper case,
    /// no marks, đ→d.
    public var comparisonKey: String {
        let trimmedNumber = number.drop(while: { $0 == "0" })
        return VietnameseText.fold("\(trimmedNumber)|\(notation)").uppercased()
    }

    /// Parses `Số: 15/QĐ-UBND`, `Số 12-BC/TU`, `432-KH/BTGTW`, `30/2020/NĐ-CP`, `12a/QĐ-UBND`.
    public init(parsing text: String) throws {
        guard let parsed = DocumentNotation.parse(text) else { throw RegistryError.invalidNotation(text) }
        self = parsed
    }

    public static func parse(_ text: String) -> DocumentNotation? {
        var s = normalise(text)
        let upper = s.uppercased()
        for prefix in ["SỐ:", "SỐ", "SO:", "SO"] where upper.hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        guard !s.isEmpty, !s.contains(" ") else { return nil }
        let digits = s.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, digits.count <= 10 else { return nil }
        var rest = s.dropFirst(digits.count)
        var number = String(digits)
        if let letter = rest.first, letter.isLowercase, letter.isASCII, rest.dropFirst().first.map({ $0 == "/" || $0 == "-" }) ?? false {
            number.append(letter)
            rest = rest.dropFirst()
        }
        guard let separator = rest.first, separator == "/" || separator == "-" else { return nil }
        let notation = String(rest.dropFirst())
        let style: DocumentStyle = separator == "/" ? .state : .party
        guard isValidNotation(notation, style: style) else { return nil }
        return DocumentNotation(number: number, notation: notation, style: style)
    }

    /// Groups of letters and digits joined by "-" or "/", at least one letter; Party ký hiệu has a "/".
    static func isValidNotation(_ notation: String, style: DocumentStyle) -> Bool {
        guard notation.count <= 30, notation.contains(where: \.isLetter) else { return false }
        let groups = notation.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" })
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy({ $0.isLetter || $0.isASCIIDigit }) }) else {
            return false
        }
        return style == .state || notation.contains("/")
    }

    /// NFC, spaces folded, every dash-like character made "-", spaces around separators removed,
    /// Cyrillic and Greek look-alikes of Latin capitals made Latin.
    static func normalise(_ text: String) -> String {
        let cleaned = VietnameseText.clean(text)
        // ASCII without a space (most ký hiệu, "15/QD-UBND"): none of the changes below applies.
        // Reading each Character through them was half of parsing, 5 % of importing a register.
        if cleaned.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: " ") }) { return cleaned }
        var out = ""
        for character in cleaned {
            switch character {
            case "‐", "‑", "‒", "–", "—", "―", "−", "﹣", "－": out.append("-")
            case "⁄", "∕", "／": out.append("/")
            default:
                if let latin = homoglyphs[character] { out.append(latin) } else { out.append(character) }
            }
        }
        // Drop the spaces around separators: "85 – BC / BTGTU" → "85-BC/BTGTU".
        var joined = ""
        for character in out {
            if character == " ", let last = joined.last, last == "/" || last == "-" { continue }
            if character == "/" || character == "-" { while joined.last == " " { joined.removeLast() } }
            joined.append(character)
        }
        return joined
    }

    private static let homoglyphs: [Character: Character] = [
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P",
        "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "а": "a", "с": "c", "е": "e",
        "о": "o", "р": "p", "х": "x", "у": "y", "і": "i", "Α": "A", "Β": "B", "Ε": "E", "Η": "H",
        "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X", "Υ": "Y",
    ]
}
