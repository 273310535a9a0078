import Foundation
import VanThuCore

/// Reads the foot of a document: the Nơi nhận list with its Lưu line, and the signature block,
/// in either order and with the two columns interleaved line by line.
enum FooterReader {
    struct Footer {
        /// Where the foot begins; the body ends here.
        var start: Int
        var recipients: [String] = []
        var archiveCopy: String?
        /// Every signature block, in reading order.
        var signers: [Signer] = []
    }

    static func read(_ lines: [TextLine], from bodyStart: Int) -> Footer {
        let from = min(bodyStart, lines.count)
        guard let heading = lines[from...].firstIndex(where: isRecipientsHeading) else {
            return signatureOnly(lines, from: from)
        }
        var footer = Footer(start: heading)
        var signatureLines: [TextLine] = []
        // Signature blocks printed before the Nơi nhận heading (a joint thông tư's six take some 20 lines).
        if let capacity = lines[max(from, heading - 30)..<heading].firstIndex(where: SignatureBlock.isCapacity),
            lines[capacity..<heading].allSatisfy({ $0.text.utf8.count <= 100 })
        {
            footer.start = capacity
            signatureLines = Array(lines[capacity..<heading])
        }
        var entries: [String] = []
        var open = false  // the last entry has no end punctuation yet
        let headingText = lines[heading].text
        if let colon = headingText.firstIndex(of: ":") {
            let rest = headingText[headingText.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty { entries.append(rest) }
        }
        var index = heading + 1
        while index < lines.count {
            let line = lines[index]
            if isAppendix(line) || line.text.utf8.count > 240 { break }
            let text = line.text
            if footer.archiveCopy == nil, let marker = text.first, "-–—+•·".contains(marker) {
                let (entry, trailing) = splitTrailingCapitals(String(text.dropFirst()).trimmingCharacters(in: .whitespaces))
                entries.append(entry)
                open = !endsEntry(entry)
                if let trailing { signatureLines.append(TextLine(text: trailing, rawIndex: line.rawIndex, blankBefore: false, sameRawLine: true)) }
            } else if footer.archiveCopy == nil, open, !SignatureBlock.isCapacity(line), !line.isUpperCase,
                line.startsLowerCase || endsEntry(text), !entries.isEmpty
            {
                entries[entries.count - 1] += " " + text
                open = !endsEntry(text)
            } else if footer.archiveCopy == nil, entries.isEmpty || !open, !line.isUpperCase, endsEntryWithComma(text),
                !SignatureBlock.isName(text, allowCapitals: false)
            {
                entries.append(text)  // a list typed without dashes
                open = false
            } else {
                signatureLines.append(line)
            }
            if let last = entries.last, footer.archiveCopy == nil, VietnameseText.foldClean(last).hasPrefix("luu") {
                footer.archiveCopy = RecipientList.cleanEntry(last)
                entries.removeLast()
            }
            index += 1
        }
        footer.recipients = entries.compactMap(RecipientList.cleanEntry)
        footer.signers = SignatureBlock.readAll(signatureLines)
        return footer
    }

    /// Without a Nơi nhận heading: a signature block near the end, found by its authority line.
    private static func signatureOnly(_ lines: [TextLine], from: Int) -> Footer {
        let searchFrom = max(from, lines.count - 40)
        guard searchFrom < lines.count, let capacity = lines[searchFrom...].firstIndex(where: SignatureBlock.isCapacity) else {
            return Footer(start: lines.count)
        }
        var end = capacity
        while end < lines.count, end - capacity < 30, !isAppendix(lines[end]), lines[end].text.utf8.count <= 100 { end += 1 }
        return Footer(start: capacity, signers: SignatureBlock.readAll(Array(lines[capacity..<end])))
    }

    static func isRecipientsHeading(_ line: TextLine) -> Bool {
        guard line.text.utf8.count <= 200, let lead = line.text.utf8.first, lead == UInt8(ascii: "N") || lead == UInt8(ascii: "n") else {
            return false
        }
        return line.text.hasPrefix("Nơi nhận") || line.text.hasPrefix("NƠI NHẬN") || line.folded.hasPrefix("noi nhan")
    }

    /// `PHỤ LỤC`, `DANH SÁCH`, `(Kèm theo …)`: an appendix after the signature.
    static func isAppendix(_ line: TextLine) -> Bool {
        let text = line.text
        if text.hasPrefix("(Kèm theo") || text.hasPrefix("(Ban hành kèm theo") { return true }
        guard line.isUpperCase else { return false }
        let folded = line.folded
        return folded.hasPrefix("phu luc") || folded.hasPrefix("danh sach") || folded.hasPrefix("bieu mau")
    }

    private static func endsEntry(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return last == ";" || last == "," || last == "."
    }

    private static func endsEntryWithComma(_ text: String) -> Bool {
        text.last == ";" || text.last == ","
    }

    /// `Như trên; PHÓ GIÁM ĐỐC` → (`Như trên;`, `PHÓ GIÁM ĐỐC`): the signature column run into an entry.
    private static func splitTrailingCapitals(_ entry: String) -> (String, String?) {
        guard !VietnameseText.foldClean(entry).hasPrefix("luu") else {
            // "Lưu: VT, TCCB. Trần Thị Hoa": the name after the final full stop.
            if let stop = entry.lastIndex(of: "."), entry.index(after: stop) < entry.endIndex {
                let after = entry[entry.index(after: stop)...].trimmingCharacters(in: .whitespaces)
                if SignatureBlock.isName(after, allowCapitals: false) { return (String(entry[...stop]), after) }
            }
            return (entry, nil)
        }
        guard let mark = entry.lastIndex(where: { $0 == ";" || $0 == "," }), entry.index(after: mark) < entry.endIndex else {
            return (entry, nil)
        }
        let after = entry[entry.index(after: mark)...].trimmingCharacters(in: .whitespaces)
        guard after.split(separator: " ").count >= 2, TextLine.isUpperCase(after), !after.contains("(") else { return (entry, nil) }
        return (String(entry[...mark]), after)
    }
}
