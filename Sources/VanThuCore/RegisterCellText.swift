import Foundation

/// How a printed register writes what a plain cell cannot hold: the lead and co-operating
/// units, and a voided number. The export writes these texts and the import reads them back,
/// so they are kept here, once.
public enum RegisterCellText {
    private static let leadMark = " (chủ trì)"
    private static let coMark = "; phối hợp: "
    private static let voidedWords = "ĐÃ HỦY SỐ"
    private static let voidedPrefix = voidedWords + ". Lý do: "
    private static let voidNotePrefix = "Số đã hủy ngày "
    private static let voidNoteBy = ", người hủy: "
    /// The trích yếu of the row a printed book gives a number its series skipped.
    public static let missingNumber = "Số bị thiếu khi nhập sổ cũ"
    /// Between the parts of a Ghi chú cell.
    public static let noteSeparator = "; "

    /// "Phòng A (chủ trì); phối hợp: Phòng B, Phòng C", or just the lead.
    public static func handler(lead: String, coHandlers: [String]) -> String {
        coHandlers.isEmpty ? lead : lead + leadMark + coMark + coHandlers.joined(separator: ", ")
    }

    /// The lead and co-operating units of a `handler(lead:coHandlers:)` cell.
    static func parseHandler(_ text: String) -> (lead: String, coHandlers: [String]) {
        let parts = text.components(separatedBy: coMark)
        let lead = parts[0].hasSuffix(leadMark) ? String(parts[0].dropLast(leadMark.count)) : parts[0]
        let co = parts.count > 1 ? parts[1].components(separatedBy: ", ").compactMap(VietnameseText.nonEmpty) : []
        return (lead, co)
    }

    /// The Tên loại và trích yếu cell of a voided number: what was voided, then the mark and
    /// the reason on a line of their own, so the book still says what the number was given to.
    public static func voidedSubject(_ subject: String, reason: String) -> String {
        subject.isEmpty ? voidedPrefix + reason : subject + "\n" + voidedPrefix + reason
    }

    /// The trích yếu (nil when the cell holds only the mark, as vanthu 0.1 wrote it) and the
    /// reason of a `voidedSubject(_:reason:)` cell, with or without diacritics; nil for a cell
    /// that is not a voided number's.
    static func voided(inSubject cellText: String) -> (subject: String?, reason: String)? {
        // Both marks hold the bytes "Y S" in any normal form (NFC or NFD: no mark follows the Y);
        // most cells do not, and Foundation's search (canonical equivalence, through NSString)
        // was 13 % of importing a 100,000-row register. A plain loop over the bytes: the
        // standard library's generic `firstRange(of:)` was 13.8 % of the import again (its
        // searcher's generic metadata looked up per call).
        var cell = cellText
        guard cell.withUTF8(holdsYSpaceS) else { return nil }
        // Composed first: Foundation's search did not find the mark in a decomposed cell (one
        // from a Mac's spreadsheet), which was then imported as a document with the mark in its
        // trích yếu.
        let text = VietnameseText.isSurelyNFC(cell) ? cell : cell.precomposedStringWithCanonicalMapping
        // The mark as vanthu writes it, or as a clerk retyped it without diacritics; the line
        // break before it may have become a space on the way (a CSV, a cleaned cell).
        guard let start = [voidedWords, "DA HUY SO"].compactMap({ text.range(of: $0, options: .backwards)?.lowerBound }).max(),
            VietnameseText.nonEmpty(String(text[..<start])) == nil || text[..<start].last?.isWhitespace == true
        else { return nil }
        let mark = text[start...]
        let reason = mark.range(of: ":").map { String(mark[$0.upperBound...]) } ?? String(mark)
        return (VietnameseText.nonEmpty(String(text[..<start])), VietnameseText.nonEmpty(reason) ?? String(mark))
    }

    /// Whether the bytes hold "Y S".
    private static func holdsYSpaceS(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for i in 0..<(bytes.count - 2) where bytes[i] == UInt8(ascii: "Y") && bytes[i + 1] == UInt8(ascii: " ") && bytes[i + 2] == UInt8(ascii: "S") {
            return true
        }
        return false
    }

    /// The Ghi chú part saying when (dd/mm/yyyy, as every date of the book) and by whom a
    /// number was voided; `at` is the void's ISO 8601 timestamp.
    public static func voidNote(at: String, by: String) -> String {
        let day = LocalDate.parse(String(at.prefix(10)))?.registerForm ?? String(at.prefix(10))
        return voidNotePrefix + day + voidNoteBy + by
    }

    /// The day (`YYYY-MM-DD`) and the person of a `voidNote(at:by:)` part, its day written
    /// dd/mm/yyyy or (vanthu 0.1) ISO; nil for any other text.
    static func parseVoidNote(_ text: String) -> (day: String, by: String?)? {
        guard text.hasPrefix(voidNotePrefix) else { return nil }
        let rest = text.dropFirst(voidNotePrefix.count)
        let dayText = rest.range(of: voidNoteBy).map { String(rest[..<$0.lowerBound]) } ?? String(rest.prefix(10))
        let day = LocalDate.parse(dayText.trimmingCharacters(in: .whitespaces))?.iso ?? String(rest.prefix(10))
        return (day, rest.range(of: voidNoteBy).map { String(rest[$0.upperBound...]) })
    }
}
