import VanThuCore

/// Finds the documents a text cites: `Kế hoạch số 432-KH/BTGTW, ngày 01-10-2020`,
/// `Quyết định số 52/2016/QĐ-TTg`, `Chỉ thị 30-CT/TW`. A notation counts as a citation when
/// "số" or a type name stands before it; each document is listed once, at its first mention,
/// with the date from whichever mention gives one.
struct CitationScanner {
    private(set) var citations: [Citation] = []
    private var positions: [String: Int] = [:]
    private let excludedKey: String?

    init(excluding own: DocumentNotation?) {
        excludedKey = own?.comparisonKey
    }

    mutating func scan(_ line: String) {
        guard CitationScanner.mayCite(line) else { return }
        let s = Array(line.unicodeScalars)
        var i = 0
        while i < s.count {
            guard NotationScanner.isDigit(s[i]), i == 0 || !CitationScanner.isWordCharacter(s[i - 1]) else {
                i += 1
                continue
            }
            guard let found = NotationScanner.scan(s, from: i) else {
                while i < s.count, NotationScanner.isDigit(s[i]) { i += 1 }
                continue
            }
            let lead = CitationScanner.lead(s, before: i)
            if lead.hasNumberWord || lead.typeName != nil {
                add(Citation(typeName: lead.typeName, notation: found.notation, issuedDate: CitationScanner.date(s, after: found.end)))
            }
            i = found.end
        }
    }

    private mutating func add(_ citation: Citation) {
        let key = citation.notation.comparisonKey
        guard key != excludedKey else { return }
        if let position = positions[key] {
            if citations[position].issuedDate == nil { citations[position].issuedDate = citation.issuedDate }
            if citations[position].typeName == nil { citations[position].typeName = citation.typeName }
            return
        }
        positions[key] = citations.count
        citations.append(citation)
    }

    /// A digit followed, after at most a space, by "/" or "-": a cheap test that skips most lines.
    static func mayCite(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var digit = false
            var space = false
            for byte in bytes {
                switch byte {
                case 0x30...0x39:
                    digit = true
                    space = false
                case 0x2F, 0x2D: if digit { return true }
                case 0xE2: if digit { return true }  // en dash and other dashes start with E2
                case 0x20:
                    if space { digit = false }
                    space = true
                default:
                    digit = false
                    space = false
                }
            }
            return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || NotationScanner.isDigit(scalar) || scalar == "/" || scalar == "-"
    }

    /// What stands before a notation: "số" and/or a type name ("Quyết định số", "Chỉ thị").
    static func lead(_ s: [Unicode.Scalar], before end: Int) -> (hasNumberWord: Bool, typeName: String?) {
        var words: [String] = []
        var i = end
        while words.count < TypeNames.maxWords + 1 {
            var j = i
            while j > 0, [" ", "*", "_", ":"].contains(s[j - 1]) { j -= 1 }
            guard j > 0, s[j - 1].properties.isAlphabetic else { break }
            let wordEnd = j
            while j > 0, s[j - 1].properties.isAlphabetic { j -= 1 }
            let word = String(String.UnicodeScalarView(s[j..<wordEnd]))
            words.insert(TypeNames.quickFold[word] ?? VietnameseText.foldClean(word), at: 0)
            i = j
        }
        var hasNumberWord = false
        if words.last == "so" {
            hasNumberWord = true
            words.removeLast()
        }
        for count in stride(from: min(TypeNames.maxWords, words.count), through: 1, by: -1) {
            if let name = TypeNames.name(folded: words[(words.count - count)...]) { return (hasNumberWord, name) }
        }
        return (hasNumberWord, nil)
    }

    /// `, ngày 01-10-2020`, ` ngày 05 tháng 3 năm 2020`, `, 06/12/2016` right after the notation.
    static func date(_ s: [Unicode.Scalar], after end: Int) -> LocalDate? {
        var i = end
        var skipped = 0
        while i < s.count, skipped < 4, [" ", ",", "*", "_", ")"].contains(s[i]) {
            i += 1
            skipped += 1
        }
        if i + 4 < s.count, VietnameseText.foldClean(String(String.UnicodeScalarView(s[i..<i + 4]))) == "ngay" {
            i += 4
            while i < s.count, s[i] == " " { i += 1 }
        }
        return DateScanner.scan(s, from: i)?.date
    }
}
