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
        for raw in composed.splitBytes(0x0A, omittingEmpty: false) {
            defer { rawIndex += 1 }
            var first = true
            for column in SourceText.columns(of: raw) {
                let cleaned = SourceText.stripDecoration(VietnameseText.clean(String(column)))
                if cleaned.isEmpty {
                    if !column.isEmpty, column.contains("*"), column.allSatisfy({ $0 == "*" || $0.isWhitespace }) { asterisk = true }
                    continue
                }
                let bytes = cleaned.utf8.count
                let pieces = bytes < 160 || rawIndex < 30 && bytes < 400 ? HeaderSplitter.split(cleaned) : [cleaned]
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

    /// The columns of a raw line: split at tabs and at runs of three or more spaces (no-break
    /// spaces included). Works on the UTF-8 bytes: every line of every document goes through here.
    static func columns(of raw: Substring) -> [Substring] {
        let offsets: [Int]? = raw.utf8.withContiguousStorageIfAvailable { bytes in
            // Pairs of (start, end) byte offsets.
            var cuts: [Int] = []
            var start = 0
            var spaces = 0
            var spaceStart = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var width = 1
                if byte == 0x09 {
                    cuts += [start, i]
                    start = i + 1
                    spaces = 0
                } else if byte == 0x20 || byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 {
                    if spaces == 0 { spaceStart = i }
                    spaces += 1
                    if byte == 0xC2 { width = 2 }
                } else {
                    if spaces >= 3 {
                        cuts += [start, spaceStart]
                        start = i
                    }
                    spaces = 0
                }
                i += width
            }
            cuts += [start, bytes.count]
            return cuts
        }
        guard let offsets else { return [raw] }
        return stride(from: 0, to: offsets.count, by: 2).map { raw.utf8Slice(offsets[$0], offsets[$0 + 1]) }
    }

    /// Emphasis and heading marks, and the bars an OCR reads off a box's edges (a ĐẾN stamp).
    private static let marks: Set<Character> = ["*", "_", "#", "\r", "|"]

    /// Removes markdown emphasis and heading marks around a line: `**T/M BAN THƯỜNG VỤ` → `T/M BAN THƯỜNG VỤ`.
    static func stripDecoration(_ text: String) -> String {
        guard let first = text.first, let last = text.last, marks.contains(first) || marks.contains(last) else { return text }
        var s = Substring(text)
        while let c = s.first, marks.contains(c) { s = s.dropFirst() }
        while let c = s.last, marks.contains(c) { s = s.dropLast() }
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
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
    var folded: String { VietnameseText.foldClean(text) }

    var words: [Substring] { text.splitBytes(0x20) }

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

extension String {
    func splitBytes(_ separator: UInt8, omittingEmpty: Bool = true) -> [Substring] {
        Substring(self).splitBytes(separator, omittingEmpty: omittingEmpty)
    }
}

extension Substring {
    /// The text between two UTF-8 offsets (which must fall on character boundaries).
    func utf8Slice(_ from: Int, _ to: Int) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: from)
        return Substring(utf8[start..<utf8.index(start, offsetBy: to - from)])
    }

    /// Splits at an ASCII byte, working on UTF-8 rather than on characters (several times faster
    /// for Vietnamese text, where most characters are not ASCII).
    func splitBytes(_ separator: UInt8, omittingEmpty: Bool = true) -> [Substring] {
        let offsets: [Int]? = utf8.withContiguousStorageIfAvailable { bytes in
            var cuts: [Int] = []
            var start = 0
            for i in 0..<bytes.count where bytes[i] == separator {
                if !omittingEmpty || i > start { cuts += [start, i] }
                start = i + 1
            }
            if !omittingEmpty || start < bytes.count { cuts += [start, bytes.count] }
            return cuts
        }
        guard let offsets else { return split(separator: Character(Unicode.Scalar(separator)), omittingEmptySubsequences: omittingEmpty) }
        return stride(from: 0, to: offsets.count, by: 2).map { utf8Slice(offsets[$0], offsets[$0 + 1]) }
    }
}
