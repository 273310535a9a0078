import Foundation

/// The Nơi nhận block of an outgoing document (ND30 Phụ lục I II.9; HD36).
///
/// State style ends entries with ";" and closes with `- Lưu: VT, TTBCBC.`; Party style ends
/// them with "," and closes with `- Lưu Văn phòng Tỉnh ủy.`.
public enum RecipientList {
    /// An entry without its leading dash and trailing punctuation; nil when nothing is left.
    public static func cleanEntry(_ text: String) -> String? {
        var s = Substring(VietnameseText.clean(text))
        while let first = s.first, "-–—•·+ ".contains(first) { s = s.dropFirst() }
        while let last = s.last, ";,.: ".contains(last) { s = s.dropLast() }
        return s.isEmpty ? nil : String(s)
    }

    /// The Lưu line's content without "Lưu" and its colon: "VT, TTBCBC".
    public static func cleanArchive(_ text: String) -> String? {
        guard var s = cleanEntry(text) else { return nil }
        if VietnameseText.fold(s).hasPrefix("luu") {
            s = String(s.dropFirst(3))
            if s.hasPrefix(":") { s.removeFirst() }
        }
        return VietnameseText.nonEmpty(s)
    }

    /// Copies kept: one per entry of the Lưu line ("VT, TTBCBC" is 2), or N for "TCCB(3)".
    public static func archiveCopies(_ archive: String) -> Int {
        archive.split(separator: ",").reduce(0) { total, entry in
            let e = entry.trimmingCharacters(in: .whitespaces)
            if e.hasSuffix(")"), let open = e.lastIndex(of: "("),
                let n = Int(e[e.index(after: open)..<e.index(before: e.endIndex)]), n > 0
            {
                return total + n
            }
            return total + 1
        }
    }

    /// The printed block, one line each.
    public static func lines(recipients: [String], archive: String?, style: DocumentStyle) -> [String] {
        let separator = style == .state ? ";" : ","
        var lines = ["Nơi nhận:"]
        lines += recipients.map { "- \($0)\(separator)" }
        if let archive {
            lines.append(style == .state ? "- Lưu: \(archive)." : "- Lưu \(archive).")
        }
        return lines
    }
}
