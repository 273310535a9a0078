/// Why closing a book (đóng sổ), opening a volume or writing a correction was refused, or a
/// change to a closed book. Nothing was changed.
public enum BookError: Error, Equatable, Sendable {
    /// No register of this kind holds the year (or that volume).
    case noBook(kind: RegisterKind, year: Int, volume: Int?)
    /// Two books of the kind overlap the year (a Party term ending and one beginning).
    case severalBooks(kind: RegisterKind, year: Int, titles: [String])
    /// The kind has no printed book vanthu writes (the copy register).
    case noPrintedBook(RegisterKind)
    case emptyBook(String)
    case alreadyClosed(String, closedOn: LocalDate)
    /// A registration, edit or void in a closed book.
    case closed(book: String, reference: String)
    /// A new volume while the current one is still open.
    case volumeStillOpen(String)
    /// A new volume on the day the current one began (one volume a day).
    case volumeSameDay(String, day: LocalDate)
    /// A correction (đính chính) of a document whose book is still open: edit it instead.
    case notClosed(book: String, reference: String)
    /// The register changed between printing the book and recording the closing.
    case changedWhilePrinting(String)
}

extension BookError: ClerkFacingError {
    public static var domain: String { "book" }

    public var exitCode: Int32 {
        switch self {
        case .noBook: 66  // EX_NOINPUT
        case .changedWhilePrinting: 75  // EX_TEMPFAIL
        default: 65  // EX_DATAERR
        }
    }

    public var text: Bilingual {
        switch self {
        case .noBook(let kind, let year, let volume):
            Bilingual(
                vi:
                    "Không có \(kind.vietnameseName.lowercased()) năm \(year)\(volume.map { ", quyển số \($0)" } ?? ""). Xem các sổ bằng “vanthu register list”.",
                en:
                    "There is no \(kind.englishName) for \(year)\(volume.map { ", volume \($0)" } ?? ""). See the registers with “vanthu register list”."
            )
        case .severalBooks(let kind, let year, let titles):
            Bilingual(
                vi:
                    "Năm \(year) có \(titles.count) \(kind.vietnameseName.lowercased()): \(titles.joined(separator: "; ")). Ghi năm bắt đầu của sổ cần chọn.",
                en: "\(year) has \(titles.count) \(kind.englishName)s: \(titles.joined(separator: "; ")). Give the year the wanted book began.")
        case .noPrintedBook(let kind):
            Bilingual(
                vi: "\(kind.vietnameseName) không có mẫu sổ in để đóng; chỉ đóng sổ đến, sổ đi và các sổ mật.",
                en: "The \(kind.englishName) has no printed form to close; only the incoming, outgoing and secret books close.")
        case .emptyBook(let title):
            Bilingual(
                vi: "\(title) chưa có văn bản nào, không có gì để đóng sổ.",
                en: "\(title) holds no document yet: there is nothing to close.")
        case .alreadyClosed(let title, let day):
            Bilingual(
                vi:
                    "\(title) đã đóng sổ ngày \(day.registerForm). In lại bằng “vanthu export … --format pdf”; sổ mới mở bằng “vanthu register new-volume”.",
                en:
                    "\(title) was closed on \(day.registerForm). Print it again with “vanthu export … --format pdf”; open a new volume with “vanthu register new-volume”."
            )
        case .closed(let book, let reference):
            Bilingual(
                vi:
                    "\(book) đã đóng sổ: không đăng ký, sửa hay hủy số \(reference) được nữa. Ghi đính chính bằng “vanthu register annotate \(reference) --note …”.",
                en:
                    "\(book) is closed: \(reference) can no longer be registered, corrected or voided. Write a correction with “vanthu register annotate \(reference) --note …”."
            )
        case .volumeStillOpen(let title):
            Bilingual(
                vi: "\(title) chưa đóng sổ. Đóng quyển này trước bằng “vanthu register close … -o so.pdf”, rồi mở quyển mới.",
                en: "\(title) is not closed. Close it first with “vanthu register close … -o book.pdf”, then open the new volume.")
        case .volumeSameDay(let title, let day):
            Bilingual(
                vi: "\(title) mới mở ngày \(day.registerForm); quyển tiếp theo mở từ ngày hôm sau.",
                en: "\(title) was opened on \(day.registerForm); the next volume can open from the next day.")
        case .notClosed(let book, let reference):
            Bilingual(
                vi: "\(book) chưa đóng sổ: sửa \(reference) bằng “vanthu edit \(reference) …”. Đính chính chỉ dùng cho sổ đã đóng.",
                en: "\(book) is not closed: correct \(reference) with “vanthu edit \(reference) …”. Corrections are for closed books.")
        case .changedWhilePrinting(let title):
            Bilingual(
                vi: "\(title) vừa có thay đổi trong lúc in; chưa đóng sổ. Hãy chạy lại lệnh.",
                en: "\(title) changed while it was being printed; it was not closed. Run the command again.")
        }
    }

    public enum Kind: String, CaseIterable, Sendable {
        case noBook, severalBooks, noPrintedBook, emptyBook, alreadyClosed, closed, volumeStillOpen, volumeSameDay, notClosed
        case changedWhilePrinting
    }

    public var kind: Kind {
        switch self {
        case .noBook: .noBook
        case .severalBooks: .severalBooks
        case .noPrintedBook: .noPrintedBook
        case .emptyBook: .emptyBook
        case .alreadyClosed: .alreadyClosed
        case .closed: .closed
        case .volumeStillOpen: .volumeStillOpen
        case .volumeSameDay: .volumeSameDay
        case .notClosed: .notClosed
        case .changedWhilePrinting: .changedWhilePrinting
        }
    }
}
