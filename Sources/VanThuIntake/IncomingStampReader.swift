import Foundation
import VanThuCore

/// Reads a ĐẾN stamp already on a document (ND30 Phụ lục IV mục V):
///
///     SỞ THÔNG TIN VÀ TRUYỀN THÔNG
///     Số: 783
///     ĐẾN Ngày: 20/8/21
///     Chuyển:
///     Số và ký hiệu HS:
enum IncomingStampReader {
    /// The stamp and the lines it takes, found before line `end`.
    static func read(_ lines: [TextLine], before end: Int) -> (stamp: IncomingStamp, lines: Set<Int>)? {
        guard let mark = lines[0..<end].firstIndex(where: isMarkLine) else { return nil }
        var stamp = IncomingStamp()
        var taken: Set<Int> = [mark]
        stamp.date = date(in: lines[mark].text)
        let window = max(0, mark - 3)..<min(lines.count, mark + 5)
        var numberLine: Int?
        for index in window where index != mark {
            let text = lines[index].text
            let folded = VietnameseText.foldClean(text)
            if numberLine == nil, index < mark + 2, let number = stampNumber(text) {
                stamp.number = number
                numberLine = index
                taken.insert(index)
            } else if stamp.date == nil, index > mark, index <= mark + 2, folded.hasPrefix("ngay") {
                stamp.date = date(in: text)
                taken.insert(index)
            } else if index > mark, folded.hasPrefix("chuyen"), text.contains(":") {
                stamp.handler = value(after: text)
                taken.insert(index)
            } else if index > mark, folded.hasPrefix("so va ky hieu h") || folded.hasPrefix("luu ho so") || folded.hasPrefix("gio") {
                if folded.hasPrefix("so va") || folded.hasPrefix("luu") { stamp.fileNotation = value(after: text) }
                taken.insert(index)
            }
        }
        // The receiving body's name, in capitals just above the number (or the mark).
        let top = min(numberLine ?? mark, mark)
        if top > 0, !taken.contains(top - 1), lines[top - 1].isUpperCase, lines[top - 1].text.utf8.count <= 120,
            TypeNames.name(folded: ArraySlice(lines[top - 1].folded.split(separator: " ").map(String.init))) == nil
        {
            stamp.organName = lines[top - 1].text
            taken.insert(top - 1)
        }
        return (stamp, taken)
    }

    /// `ĐẾN`, `ĐẾN Ngày: 20/8/21`, `ĐẾN: 20/8/2021`.
    static func isMarkLine(_ line: TextLine) -> Bool {
        guard line.text.utf8.count <= 60, let lead = line.text.utf8.first, lead == 0xC4 || lead == UInt8(ascii: "D") else { return false }
        let words = line.words
        guard let first = words.first.map({ $0.trimmingCharacters(in: .init(charactersIn: ":")) }) else { return false }
        // "ĐÉN", "ĐÊN", "DEN": the mark as an OCR misreads it, in capitals.
        guard first == "ĐẾN" || TextLine.isUpperCase(first) && VietnameseText.foldClean(first) == "den" else { return false }
        return followsMark(words.dropFirst().first)
    }

    /// What may follow the stamp's "ĐẾN": nothing, "Ngày", a colon or a date.
    static func followsMark(_ next: Substring?) -> Bool {
        guard let next else { return true }
        if next.hasPrefix(":") || next.first?.isNumber == true { return true }
        let folded = VietnameseText.foldClean(next)
        return folded.hasPrefix("ngay") || folded.hasPrefix("so") || folded.hasPrefix("gio")
    }

    /// `Số: 783`, `Số đến: 783`, `Số:783`: the number, with no ký hiệu after it.
    static func stampNumber(_ text: String) -> String? {
        let folded = VietnameseText.foldClean(text)
        guard folded.hasPrefix("so") else { return nil }
        let rest = folded.dropFirst(2).drop(while: { $0 == " " || $0 == ":" || $0 == "." })
        let body = rest.hasPrefix("den") ? rest.dropFirst(3).drop(while: { $0 == " " || $0 == ":" }) : rest
        let digits = body.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 7 else { return nil }
        let after = body.dropFirst(digits.count)
        // "783." or "783," as an OCR reads the stamp's dotted line.
        guard after.isEmpty || after == "." || after == "," || after.first == " " && !after.contains("/") else { return nil }
        return String(digits)
    }

    private static func date(in text: String) -> LocalDate? {
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: NotationScanner.isDigit) else { return nil }
        return DateScanner.scan(scalars, from: start)?.date
    }

    /// The text after the first colon, or nil when the field is blank (dots and dashes count as blank).
    private static func value(after text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .init(charactersIn: " .…-_"))
        return value.isEmpty ? nil : value
    }
}
