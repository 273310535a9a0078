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

    /// The Tên loại và trích yếu cell of a voided number.
    public static func voidedSubject(reason: String) -> String { voidedPrefix + reason }

    /// The reason in a `voidedSubject(reason:)` cell, with or without diacritics; nil for any other text.
    static func voidReason(inSubject text: String) -> String? {
        guard VietnameseText.fold(text).hasPrefix(VietnameseText.fold(voidedWords)) else { return nil }
        let reason = text.range(of: ":").map { String(text[$0.upperBound...]) } ?? text
        return VietnameseText.nonEmpty(reason) ?? text
    }

    /// The Ghi chú part saying when and by whom a number was voided.
    public static func voidNote(at: String, by: String) -> String { voidNotePrefix + at.prefix(10) + voidNoteBy + by }

    /// The day (`YYYY-MM-DD`) and the person of a `voidNote(at:by:)` part; nil for any other text.
    static func parseVoidNote(_ text: String) -> (day: String, by: String?)? {
        guard text.hasPrefix(voidNotePrefix) else { return nil }
        let rest = text.dropFirst(voidNotePrefix.count)
        return (String(rest.prefix(10)), rest.range(of: voidNoteBy).map { String(rest[$0.upperBound...]) })
    }
}
