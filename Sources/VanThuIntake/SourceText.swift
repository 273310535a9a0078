import Foundation
import VanThuCore

/// A document's text cut into lines the readers can match: NFC, invisible characters removed,
/// spaces folded, and the columns of a flattened two-column header split apart.
struct SourceText {
    var lines: [TextLine]
    /// True when a line holds only the asterisk that Party documents print under the issuing body.
    var hasPartyAsterisk: Bool

    /// Lines at or after this index are not searched for header fields.
    static let headLineLimit = 80

    /// Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM; invalid bytes
    /// become U+FFFD instead of failing.
    static func decode(_ data: Data) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let text = String(data: data, encoding: .utf16) { return text }
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        return String(decoding: body, as: UTF8.self)
    }

    init(_ text: String) {
        let composed = VietnameseText.composed(text)
        var lines: [TextLine] = []
        var asterisk = false
        var blank = false
        var rawIndex = 0
        for raw in composed.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { rawIndex += 1 }
            var first = true
            for column in SourceText.columns(of: raw) {
                let cleaned = SourceText.stripDecoration(VietnameseText.clean(String(column)))
                if cleaned.isEmpty {
                    if !column.isEmpty, column.contains("*"), column.allSatisfy({ $0 == "*" || $0.isWhitespace }) { asterisk = true }
                    continue
                }
                let pieces = rawIndex < SourceText.headLineLimit || cleaned.utf8.count < 200 ? HeaderSplitter.split(cleaned) : [cleaned]
                for piece in pieces {
                    lines.append(TextLine(text: piece, rawIndex: rawIndex, blankBefore: blank, sameRawLine: !first))
                    first = false
                    blank = false
                }
            }
            if first { blank = true }
        }
        self.lines = lines
        self.hasPartyAsterisk = asterisk
    }

    /// The columns of a raw line: split at tabs and at runs of three or more spaces.
    static func columns(of raw: Substring) -> [Substring] {
        var columns: [Substring] = []
        var start = raw.startIndex
        var spaces = 0
        var spaceStart = raw.startIndex
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            if character == "\t" {
                columns.append(raw[start..<index])
                start = raw.index(after: index)
                spaces = 0
            } else if character == " " || character == "\u{A0}" {
                if spaces == 0 { spaceStart = index }
                spaces += 1
            } else {
                if spaces >= 3 {
                    columns.append(raw[start..<spaceStart])
                    start = index
                }
                spaces = 0
            }
            index = raw.index(after: index)
        }
        columns.append(raw[start..<raw.endIndex])
        return columns
    }

    /// Removes markdown emphasis and heading marks around a line: `**T/M BAN THƯỜNG VỤ` → `T/M BAN THƯỜNG VỤ`.
    static func stripDecoration(_ text: String) -> String {
        let marks: Set<Character> = ["*", "_", "#", "\r"]
        guard let first = text.first, let last = text.last, marks.contains(first) || marks.contains(last) else { return text }
        var s = Substring(text)
        while let c = s.first, marks.contains(c) { s = s.dropFirst() }
        while let c = s.last, marks.contains(c) { s = s.dropLast() }
        return String(s).trimmingCharacters(in: .whitespaces)
    }
}

/// One line of a document (or one column of a flattened line), cleaned.
struct TextLine {
    let text: String
    /// The line number in the original text, from 0.
    let rawIndex: Int
    /// An empty line came before this one.
    let blankBefore: Bool
    /// Another column of the same original line came before this one.
    let sameRawLine: Bool

    /// Lower case without marks, đ→d.
    var folded: String { VietnameseText.fold(text) }

    var words: [Substring] { text.split(separator: " ") }

    /// At least two letters and no lower-case letter: `SỞ NỘI VỤ`, `T/M BAN THƯỜNG VỤ`.
    var isUpperCase: Bool { TextLine.isUpperCase(text) }

    static func isUpperCase<S: StringProtocol>(_ text: S) -> Bool {
        var letters = 0
        for character in text where character.isLetter {
            if character.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Only dashes, underscores, dots, asterisks or equals signs: a rule drawn under a header.
    var isRule: Bool { text.allSatisfy { "-_=*.–—~ ".contains($0) } }

    /// The first letter is lower case (quotes and brackets skipped): a title's continuation line.
    var startsLowerCase: Bool {
        text.first(where: { $0.isLetter || $0.isNumber }).map { $0.isLowercase } ?? false
    }
}
