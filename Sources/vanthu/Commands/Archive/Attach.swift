import ArgumentParser
import VanThuCore

extension VanThu {
    struct Attach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep a document's files (scan, signed PDF) in the store next to the database.",
            discussion: """
                vanthu attach den/2021/791 cong-van-791.pdf
                Files are stored once by SHA-256 and never changed; vanthu verify checks them.
                """,
            subcommands: [Add.self, ListFiles.self, Extract.self],
            defaultSubcommand: Add.self,
            aliases: ["dinh-kem"])
    }
}

extension VanThu.Attach {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Attach files to a document.", aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document: den/2021/783, di/2021/BC/86 or its id.", valueName: "ref"))
        var reference: String

        @Argument(help: ArgumentHelp("The files.", valueName: "file"), completion: .file())
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
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a document's files.", aliases: ["ds"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document.", valueName: "ref"))
        var reference: String

        func run() throws {
            let attachments = try global.withRegistry(.read) { try AttachmentService($0).attachments(reference: reference) }
            if global.json { return try Terminal.json(attachments) }
            Terminal.print(ArchiveOutput.attachments(attachments))
        }
    }

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copy a stored file out, checking its SHA-256.", aliases: ["lay"])

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The document.", valueName: "ref"))
        var reference: String

        @Argument(help: ArgumentHelp("The attachment's name.", valueName: "name"))
        var name: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write it.", valueName: "file"))
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
