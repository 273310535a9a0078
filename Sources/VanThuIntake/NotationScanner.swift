import VanThuCore

/// Finds a số and ký hiệu inside running text, however it was typed: `899/STTTT-TTBCBC`,
/// `12 - BC/TU`, `44/2025/QĐ-TTg`, with a Cyrillic letter or an en dash.
enum NotationScanner {
    /// The notation starting at `start` (a digit) and the index just after it.
    static func scan(_ s: [Unicode.Scalar], from start: Int) -> (notation: DocumentNotation, end: Int)? {
        var i = start
        while i < s.count, isDigit(s[i]), i - start < 7 { i += 1 }
        guard i > start, i - start <= 6 else { return nil }
        if i + 1 < s.count, s[i].properties.isLowercase, s[i].isASCII, isSeparator(s[i + 1]) { i += 1 }  // 12a/QĐ-UBND
        let number = String(String.UnicodeScalarView(s[start..<i]))
        var end = i
        var notation = String.UnicodeScalarView()
        var firstSeparator: Unicode.Scalar?
        var hasCode = false
        var lookalike = false
        while true {
            // A separator, with at most one space on each side.
            var j = end
            if j < s.count, s[j] == " " { j += 1 }
            guard j < s.count, isSeparator(s[j]) else { break }
            let separator: Unicode.Scalar = isSlash(s[j]) ? "/" : "-"
            j += 1
            if j < s.count, s[j] == " " { j += 1 }
            let groupStart = j
            while j < s.count, isGroupCharacter(s[j]), j - groupStart < 16 { j += 1 }
            guard j > groupStart else { break }
            if j < s.count, isGroupCharacter(s[j]) { return nil }  // too long for a ký hiệu group
            let first = s[groupStart]
            if first.properties.isAlphabetic {
                // A code group starts with a capital: "QĐ", "TTr"; "tháng" is not one.
                guard first.properties.isUppercase else { break }
                hasCode = true
            }
            if firstSeparator == nil { firstSeparator = separator } else { notation.append(separator) }
            for scalar in s[groupStart..<j] {
                if (0x370...0x4FF).contains(scalar.value) { lookalike = true }
                notation.append(scalar)
            }
            end = j
        }
        // A thông tư liên tịch of six ministries: "TTLT-BNV-BTC-BLĐTBXH-BYT-BQP-BCA".
        guard let firstSeparator, hasCode, notation.count <= 60 else { return nil }
        let style: DocumentStyle = firstSeparator == "/" ? .state : .party
        if lookalike {
            // Cyrillic or Greek letters that look Latin: the registry's parser maps them.
            guard let parsed = DocumentNotation.parse(String(String.UnicodeScalarView(s[start..<end]))) else { return nil }
            return (parsed, end)
        }
        var text = String(notation)
        guard style == .state || text.contains("/") else { return nil }
        if style == .state { text = rejoined(text) }
        return (DocumentNotation(number: number, notation: text, style: style), end)
    }

    /// The type codes a state ký hiệu may start with, longest first.
    private static let stateTypeCodes: [String] = Set(
        DocumentType.builtins.filter { $0.style == .state && $0.inNotation && !$0.isCopy }.map(\.code)
    ).sorted { $0.count > $1.count }

    /// The hyphen between a type code and the issuer put back where the text extractor lost it:
    /// `QĐUBND` → `QĐ-UBND`, `2004/NĐCP` → `2004/NĐ-CP`, `TBSNV` → `TB-SNV`. Only in a ký hiệu
    /// with no hyphen at all, and only before an issuer's code as they are formed (UBND, HĐND, CP,
    /// a Bộ's B…, a Sở's S…, VP…), so that `HĐND`, `KHĐT` or `BCĐ` stay whole.
    static func rejoined(_ notation: String) -> String {
        guard !notation.contains("-") else { return notation }
        var groups = notation.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let index = groups.firstIndex(where: { $0.first?.isLetter == true }) else { return notation }
        let group = groups[index]
        for code in stateTypeCodes where group.hasPrefix(code) {
            let issuer = group.dropFirst(code.count)
            guard issuer.count >= 2, let first = issuer.first, first.isUppercase,
                issuer.hasPrefix("UB") || issuer.hasPrefix("HĐ") || issuer == "CP" || issuer.hasPrefix("VP")
                    || (first == "B" || first == "S") && issuer.count >= 3
            else { continue }
            groups[index] = code + "-" + issuer
            return groups.joined(separator: "/")
        }
        return notation
    }

    /// A Party ký hiệu's `TƯ` (the horn of a font or an OCR that the rules never print) as `TU`:
    /// `86-BC/TƯ` → `86-BC/TU`; nil when there is nothing to change.
    static func normalized(_ notation: DocumentNotation) -> DocumentNotation? {
        guard notation.style == .party, notation.notation.contains("TƯ") else { return nil }
        let groups = notation.notation.split(separator: "/", omittingEmptySubsequences: false).map { group in
            group.hasSuffix("TƯ") ? group.dropLast(2) + "TU" : Substring(group)
        }
        return DocumentNotation(number: notation.number, notation: groups.joined(separator: "/"), style: .party)
    }

    static func isSlash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "/" || scalar.value == 0x2044 || scalar.value == 0x2215 || scalar.value == 0xFF0F
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2F, 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D, 0x2044, 0x2215, 0xFF0F: true
        default: false
        }
    }

    /// Letters, digits and the `&` of `SNN&PTNT`.
    static func isGroupCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar.properties.isAlphabetic && scalar.value != 0x2F) || scalar == "&"
    }

}
