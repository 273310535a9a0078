import ArgumentParser
import VanThuCore

extension VanThu {
    struct Edit: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "edit",
                abstract: tr(
                    "Sửa các trường của một văn bản đã đăng ký; giá trị cũ được ghi vào nhật ký.",
                    en: "Correct fields of a registered document; the old values are journaled."),
                discussion: tr(
                    "vanthu edit den/2021/783 --handler \"Văn phòng\" --due 15/9/2021\nĐể đưa văn bản vào hồ sơ, dùng vanthu file add.",
                    en: "vanthu edit den/2021/783 --handler \"Văn phòng\" --due 15/9/2021\nTo file a document into a hồ sơ, use vanthu file add."),
                aliases: ["sua"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783, di/2021/BC/86.", en: "The document: its id, or den/2021/783, di/2021/BC/86."),
                valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Option(help: ArgumentHelp(tr("Trích yếu nội dung.", en: "Trích yếu nội dung."), valueName: tr("nội-dung", en: "text")))
        var summary: String?

        @Option(
            help: ArgumentHelp(
                tr("Chuyển: đơn vị hoặc người nhận để giải quyết.", en: "Chuyển: the unit or person it goes to."), valueName: tr("đơn-vị", en: "unit")
            ), completion: .agencyUnits)
        var handler: String?

        @Option(help: ArgumentHelp(tr("Thời hạn giải quyết.", en: "Deadline."), valueName: tr("ngày", en: "date")))
        var due: String?

        @Option(help: ArgumentHelp(tr("Số trang.", en: "Number of pages."), valueName: tr("số", en: "n")))
        var pages: Int?

        @Option(help: ArgumentHelp(tr("Ghi chú.", en: "Ghi chú."), valueName: tr("nội-dung", en: "text")))
        var note: String?

        func run() throws {
            // An empty --due clears the deadline.
            let dueDate: DocumentChanges.Correction<LocalDate>? = try due.map { text in try Parse.date(text).map { .set($0) } ?? .clear }
            let changes = DocumentChanges(summary: summary, handler: handler, dueDate: dueDate, pages: pages, note: note)
            try global.withRegistry { registry in
                let document = try RegistrationService(registry).edit(reference: reference, changes: changes)
                if global.json { return try Terminal.json(document) }
                Terminal.print(Terminal.label("Đã sửa \(document.reference).", "Corrected \(document.reference)."))
            }
        }
    }
}
