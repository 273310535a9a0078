import ArgumentParser
import Foundation
import VanThuCore
import VanThuXLSX

/// The kind of a printed book, the first argument of `register close` and `new-volume`.
struct BookKind: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            tr(
                "incoming, outgoing, secret-incoming hoặc secret-outgoing (den, di…).",
                en: "incoming, outgoing, secret-incoming or secret-outgoing (den, di…)."),
            valueName: tr("loại-sổ", en: "kind")))
    var kind: RegisterKindArgument
}

extension VanThu.RegisterCommand {
    struct Close: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "close",
                abstract: tr(
                    "Đóng sổ: in sổ ra PDF với lời ghi đóng sổ ở trang cuối, ghi nhận việc đóng sổ; sau đó sổ không nhận đăng ký, sửa hay hủy số.",
                    en:
                        "Close a book (đóng sổ): print it to PDF with the closing block on its last page and record the closing; the book then refuses registrations, edits and voids."
                ),
                discussion: tr(
                    """
                    vanthu register close den --year 2026 -o so-den-2026.pdf --signer "Nguyễn Thị Lan"
                    Sổ in ra được ký, đóng dấu và đóng quyển (NĐ30 Điều 16.2.b); nhật ký ghi mã SHA-256 của tệp PDF.
                    """,
                    en: """
                        vanthu register close den --year 2026 -o so-den-2026.pdf --signer "Nguyễn Thị Lan"
                        The printed book is signed, sealed and bound (ND30 Điều 16.2.b); the journal keeps the PDF's SHA-256.
                        """),
                aliases: ["dong-so"])

        @OptionGroup var global: GlobalOptions

        @OptionGroup var book: BookKind

        @Option(
            help: ArgumentHelp(tr("Năm của sổ (mặc định: năm nay).", en: "The book's year (default: this year)."), valueName: tr("năm", en: "year")))
        var year: Int?

        @Option(
            help: ArgumentHelp(
                tr("Quyển số (mặc định: quyển đang dùng).", en: "The volume (default: the current one)."), valueName: tr("số", en: "n")))
        var volume: Int?

        @Option(
            name: [.short, .long], help: ArgumentHelp(tr("Tệp PDF sẽ ghi.", en: "The PDF file to write."), valueName: tr("đường-dẫn", en: "path")),
            completion: .file(extensions: ["pdf"]))
        var output: String

        @Option(
            help: ArgumentHelp(
                tr("Họ tên người lập sổ in dưới chữ ký (mặc định: người dùng).", en: "The name printed under Người lập sổ (default: the user)."),
                valueName: tr("họ-tên", en: "name")))
        var signer: String?

        @Option(
            name: .customLong("binding-margin"),
            help: ArgumentHelp(
                tr("Lề bên đóng gáy, tính bằng mm (mặc định 25).", en: "The margin on the bound side, in mm (default 25)."), valueName: "mm"))
        var bindingMargin: Double = 25

        @Flag(help: ArgumentHelp(tr("Ghi đè nếu tệp ghi ra đã có.", en: "Replace the output file if it exists.")))
        var overwrite = false

        func run() throws {
            let (closing, summary) = try global.withRegistry(showingProgress: true) { registry in
                try BookClosing.close(
                    .init(
                        kind: book.kind.kind, year: year ?? registry.context.today.year, volume: volume, output: output, overwrite: overwrite,
                        bindingMargin: bindingMargin, closerName: signer),
                    in: registry)
            }
            if global.json {
                return try Terminal.json([
                    "register": closing.register.title, "path": summary.path, "pages": String(closing.pages), "entries": String(closing.entries),
                    "voided": String(closing.voided), "missing": String(closing.missing), "pdfSHA256": closing.pdfSHA256 ?? "",
                ])
            }
            Terminal.print(
                Terminal.label(
                    "Đã đóng \(closing.register.title): \(closing.statement(pages: closing.pages))\nTệp \(summary.path), SHA-256 \(closing.pdfSHA256 ?? "")",
                    "Closed \(closing.register.title): \(closing.pages) pages, \(closing.entries) entries, \(closing.voided) voided.\nFile \(summary.path), SHA-256 \(closing.pdfSHA256 ?? "")"
                ))
        }
    }

    struct NewVolume: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "new-volume",
                abstract: tr(
                    "Mở quyển tiếp theo của sổ đang dùng (quyển số 2…), từ hôm nay; số tiếp nối quyển trước. Quyển trước phải đóng sổ trước.",
                    en:
                        "Open the next volume of the current book (quyển số 2…) from today; its numbers go on from the previous volume's, which must be closed first."
                ),
                discussion: tr("vanthu register new-volume den", en: "vanthu register new-volume den"),
                aliases: ["mo-quyen"])

        @OptionGroup var global: GlobalOptions

        @OptionGroup var book: BookKind

        func run() throws {
            let register = try global.withRegistry { try RegisterService($0).openVolume(kind: book.kind.kind) }
            if global.json {
                return try Terminal.json(["register": register.title, "volume": String(register.volume), "startDate": register.start.iso])
            }
            Terminal.print(
                Terminal.label(
                    "Đã mở \(register.title), từ ngày \(register.start.registerForm).",
                    "Opened \(register.title), from \(register.start.registerForm)."))
        }
    }

    struct Annotate: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "annotate",
                abstract: tr(
                    "Ghi đính chính cho một văn bản của sổ đã đóng: mục trong sổ giữ nguyên, lời đính chính in ở cột Ghi chú.",
                    en: "Write a correction for a document of a closed book: the entry stays as signed, the correction prints in its Ghi chú."),
                discussion: tr(
                    "vanthu register annotate den/2026/15 --note \"Trích yếu đúng là: Về việc tuyển dụng viên chức năm 2026\"",
                    en: "vanthu register annotate den/2026/15 --note \"Trích yếu đúng là: Về việc tuyển dụng viên chức năm 2026\""),
                aliases: ["dinh-chinh"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783, di/2021/BC/86.", en: "The document: its id, or den/2021/783, di/2021/BC/86."),
                valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(help: ArgumentHelp(tr("Nội dung đính chính.", en: "The correction."), valueName: tr("nội-dung", en: "text")))
        var note: String

        func run() throws {
            let annotation = try global.withRegistry { try RegisterService($0).annotate(reference: reference, note: note) }
            if global.json { return try Terminal.json(["reference": reference, "note": annotation.note, "printed": annotation.printed]) }
            Terminal.print(
                Terminal.label(
                    "Đã ghi đính chính cho \(reference): \(annotation.printed)", "Correction written for \(reference): \(annotation.printed)"))
        }
    }
}
