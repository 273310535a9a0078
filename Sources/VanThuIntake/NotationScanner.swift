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
        var end = i
        var groups = 0
        var hasCode = false
        while true {
            // A separator, with at most one space on each side.
            var j = end
            if j < s.count, s[j] == " " { j += 1 }
            guard j < s.count, isSeparator(s[j]) else { break }
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
            groups += 1
            end = j
        }
        guard groups > 0, hasCode else { return nil }
        let text = String(String.UnicodeScalarView(s[start..<end]))
        guard let notation = DocumentNotation.parse(text) else { return nil }
        return (notation, end)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2F, 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D, 0x2044, 0x2215, 0xFF0F: true
        default: false
        }
    }

    static func isGroupCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || (scalar.properties.isAlphabetic && scalar.value != 0x2F)
    }

}
