import Foundation

/// The closing of a book (đóng sổ, ND30 Điều 16.2.b and 22.3.b): its figures as they print on
/// the last page, who closed it, where and when, and the SHA-256 of the PDF that was signed.
public struct RegisterClosing: Equatable, Sendable {
    /// The numbers of one series the book holds: one for a shared series, one per type for a
    /// Party book with a series per type.
    public struct Range: Equatable, Sendable, Codable {
        public var series: String
        public var first: Int
        public var last: Int
    }

    public var register: Register
    public var day: LocalDate
    public var closedBy: String
    /// The name printed under "Người lập sổ".
    public var closerName: String
    public var place: String
    /// The register's pages, the cover not counted (0 until the book is printed).
    public var pages: Int
    public var entries: Int
    public var ranges: [Range]
    public var voided: Int
    /// Numbers a register kept before vanthu skipped, each with its row in the book.
    public var missing: Int
    public var pdfSHA256: String?

    /// "Sổ này có 14 trang, đánh số từ trang 01 đến trang 14; từ số 1 đến số 150, trong đó có
    /// 2 số đã hủy." — the closing line, with `pages` as printed.
    public func statement(pages: Int) -> String {
        let numbers = ranges.map { range in
            let span = "từ số \(range.first) đến số \(range.last)"
            return range.series.isEmpty ? span : "\(span) (\(range.series))"
        }.joined(separator: ", ")
        var line =
            "Sổ này có \(pages) trang, đánh số từ trang 01 đến trang \(LocalDate.padded(pages, 2)); \(numbers), trong đó có \(voided) số đã hủy"
        if missing > 0 { line += " và \(missing) số bị thiếu khi nhập sổ cũ" }
        return line + "."
    }

    /// "Kon Tum, ngày 31 tháng 12 năm 2026".
    public var placeAndDate: String { LocalDate.placeAndDate(place, day) }
}

/// A correction written after the book was closed (đính chính): it prints beside the entry.
public struct RegisterAnnotation: Equatable, Sendable {
    public var id: Int64
    public var documentId: Int64
    public var note: String
    public var day: LocalDate
    public var by: String

    /// "Đính chính ngày 05/01/2027 (lan.nt): …", as the book prints it.
    public var printed: String { "Đính chính ngày \(day.registerForm) (\(by)): \(note)" }
}
