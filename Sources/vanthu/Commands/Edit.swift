import ArgumentParser
import VanThuCore

extension VanThu {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct fields of a registered document; the old values are journaled.",
            discussion: "vanthu edit den/2021/783 --handler \"Văn phòng\" --due 15/9/2021\nTo file a document into a hồ sơ, use vanthu file add.",
            aliases: ["sua"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: its id, or den/2021/783, di/2021/BC/86.", valueName: "ref"))
        var reference: String

        @Option(help: ArgumentHelp("Trích yếu nội dung.", valueName: "text"))
        var summary: String?

        @Option(help: ArgumentHelp("Chuyển: the unit or person it goes to.", valueName: "unit"))
        var handler: String?

        @Option(help: ArgumentHelp("Deadline.", valueName: "date"))
        var due: String?

        @Option(help: ArgumentHelp("Number of pages.", valueName: "n"))
        var pages: Int?

        @Option(help: ArgumentHelp("Ghi chú.", valueName: "text"))
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
