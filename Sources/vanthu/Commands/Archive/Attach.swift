import ArgumentParser
import VanThuCore

extension VanThu {
    struct Attach: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "attach",
                abstract: tr(
                    "Lưu các tệp của văn bản (bản quét, PDF đã ký số) vào kho cạnh cơ sở dữ liệu.",
                    en: "Keep a document's files (scan, signed PDF) in the store next to the database."),
                discussion: tr(
                    """
                    vanthu attach den/2021/791 cong-van-791.pdf
                    Mỗi tệp được lưu một lần theo SHA-256 và không bao giờ bị sửa; vanthu verify kiểm tra chúng.
                    """,
                    en: """
                        vanthu attach den/2021/791 cong-van-791.pdf
                        Files are stored once by SHA-256 and never changed; vanthu verify checks them.
                        """),
                subcommands: [Add.self, ListFiles.self, Extract.self],
                defaultSubcommand: Add.self,
                aliases: ["dinh-kem"])
    }
}

extension VanThu.Attach {
    struct Add: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add", abstract: tr("Đính kèm tệp vào một văn bản.", en: "Attach files to a document."), aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: den/2021/783, di/2021/BC/86 hoặc mã số của nó.", en: "The document: den/2021/783, di/2021/BC/86 or its id."),
                valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Argument(help: ArgumentHelp(tr("Các tệp.", en: "The files."), valueName: tr("tệp", en: "file")), completion: .file())
        var files: [String]

        func run() throws {
            guard !files.isEmpty else { throw RegistryError.nothingToChange }
            let attached = try global.withRegistry { registry in
                try files.map { try AttachmentService(registry).attach(reference: reference, file: $0) }
            }
            if global.json { return try Terminal.json(attached.map(\.attachment)) }
            for item in attached {
                let a = item.attachment
                let note =
                    item.isNewContent
                    ? "" : Terminal.label(" (nội dung đã có trong kho, không sao chép lại)", " (content already stored, not copied again)")
                Terminal.print(
                    Terminal.label(
                        "Đã đính kèm “\(a.name)” vào \(a.reference): \(ArchiveOutput.size(a.size)), SHA-256 \(a.sha256)",
                        "Attached “\(a.name)” to \(a.reference): \(ArchiveOutput.size(a.size)), SHA-256 \(a.sha256)") + note)
            }
        }
    }

    struct ListFiles: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "list", abstract: tr("Liệt kê các tệp của một văn bản.", en: "List a document's files."), aliases: ["ds"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Văn bản.", en: "The document."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        func run() throws {
            let attachments = try global.withRegistry(.read) { try AttachmentService($0).attachments(reference: reference) }
            if global.json { return try Terminal.json(attachments) }
            Terminal.print(ArchiveOutput.attachments(attachments))
        }
    }

    struct Extract: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "extract",
                abstract: tr("Chép một tệp đã lưu ra ngoài, có kiểm tra SHA-256.", en: "Copy a stored file out, checking its SHA-256."),
                aliases: ["lay"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp(tr("Văn bản.", en: "The document."), valueName: tr("văn-bản", en: "ref")))
        var reference: String

        @Argument(help: ArgumentHelp(tr("Tên tệp đính kèm.", en: "The attachment's name."), valueName: tr("tên", en: "name")))
        var name: String

        @Option(name: .shortAndLong, help: ArgumentHelp(tr("Nơi ghi tệp ra.", en: "Where to write it."), valueName: tr("tệp", en: "file")))
        var output: String

        func run() throws {
            let attachment = try global.withRegistry(.read) {
                try AttachmentService($0).extractAttachment(reference: reference, name: name, to: output)
            }
            if global.json { return try Terminal.json(attachment) }
            Terminal.print(
                Terminal.label(
                    "Đã ghi \(output) (\(ArchiveOutput.size(attachment.size))).", "Wrote \(output) (\(ArchiveOutput.size(attachment.size)))."))
        }
    }
}
