import Foundation

/// What a clerk typed into `vanthu search`, read as an FTS5 query over the folded index.
///
/// Words match with or without diacritics and case (`tuyen` finds `tuyên`, `dang` finds `Đảng`);
/// all words must occur. `word*` matches a beginning, `"…"` a phrase. A số and ký hiệu such as
/// `Số: 432 - KH/BTGTW` is read as one phrase, however it was spaced.
public struct SearchPattern: Sendable, Equatable {
    /// One folded word to find, or the beginning of one.
    public struct Term: Sendable, Hashable {
        public var word: String
        public var isPrefix: Bool

        func matches(_ folded: Substring) -> Bool {
            isPrefix ? folded.hasPrefix(word) : folded == word
        }
    }

    /// The FTS5 MATCH expression, or nil when the text held no word.
    public let expression: String?
    /// The words a result is highlighted on.
    public let terms: [Term]

    public init(_ text: String) {
        var phrases: [[Term]] = []
        var rest = ""
        // Quoted phrases first; an unpaired quote is only punctuation.
        let parts = VietnameseText.fold(text).split(separator: "\"", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if index % 2 == 1 && index < parts.count - 1 {
                let words = Self.words(part)
                if !words.isEmpty { phrases.append(words) }
            } else {
                rest += " " + part
            }
        }
        if Self.isNotation(rest) {
            var words = Self.words(Substring(rest))
            if words.count > 1, words[0].word == "so" { words.removeFirst() }
            if !words.isEmpty { phrases.append(words) }
        } else {
            phrases += Self.words(Substring(rest)).map { [$0] }
        }
        terms = phrases.flatMap { $0 }
        expression = phrases.isEmpty ? nil : phrases.map(Self.phrase).joined(separator: " ")
    }

    /// A phrase (or single word) as FTS5 writes it: `"432 kh btgtw"`, `"tuy"*`.
    static func phrase(_ words: [Term]) -> String {
        "\"" + words.map(\.word).joined(separator: " ") + "\"" + (words.last?.isPrefix == true ? "*" : "")
    }

    /// The folded words of a text, the way unicode61 cuts them: runs of letters and digits.
    static func words(_ text: Substring) -> [Term] {
        var terms: [Term] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                terms.append(Term(word: current, isPrefix: character == "*"))
                current = ""
            }
            index = text.index(after: index)
        }
        if !current.isEmpty { terms.append(Term(word: current, isPrefix: false)) }
        return terms
    }

    /// True for a số and ký hiệu: digits and letters joined by `/` or `-`, perhaps after `Số:`
    /// and with spaces around the separators (`432 - KH/BTGTW`, `Số: 15/QĐ-UBND`).
    static func isNotation(_ folded: String) -> Bool {
        var text = folded.split(separator: " ").joined(separator: " ")
        for prefix in ["so:", "so "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        for separator in ["/", "-"] {
            text = text.split(separator: Character(separator)).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: separator)
        }
        text = text.trimmingCharacters(in: .whitespaces)
        return text.contains(where: \.isNumber) && text.contains(where: \.isLetter)
            && text.contains(where: { $0 == "/" || $0 == "-" })
            && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "-" || $0 == "." }
    }

    /// The ranges of `text`'s words that a term matches, for highlighting a result.
    public func matches(in text: String) -> [Range<String.Index>] {
        guard !terms.isEmpty else { return [] }
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        func close(at end: String.Index) {
            guard let begin = start else { return }
            let folded = Substring(VietnameseText.foldClean(text[begin..<end]))
            if terms.contains(where: { $0.matches(folded) }) { ranges.append(begin..<end) }
            start = nil
        }
        while index < text.endIndex {
            if text[index].isLetter || text[index].isNumber {
                if start == nil { start = index }
            } else {
                close(at: index)
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex)
        return ranges
    }
}
