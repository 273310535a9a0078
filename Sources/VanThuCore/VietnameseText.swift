import Foundation

/// Text normalisation for Vietnamese input: NFC, spaces, and a folded form for matching.
public enum VietnameseText {
    /// NFC, no-break and zero-width spaces removed or made plain, runs of white space folded, trimmed.
    public static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:  // zero-width
                continue
            case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Lower case, no tone or vowel marks, đ→d: `Đảng ủy` → `dang uy`. Works on NFC or NFD input.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in clean(text).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111: out.append("d")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `clean` that returns nil for empty text.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// The width of `text` in terminal columns, counting characters (combining marks take none).
    public static func width(_ text: String) -> Int { text.count }
}
