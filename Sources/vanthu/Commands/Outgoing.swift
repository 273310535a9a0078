import ArgumentParser
import VanThuCore

extension VanThu {
    struct Outgoing: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register outgoing documents (văn bản đi).",
            subcommands: [Add.self],
            aliases: ["di"])
    }
}

extension VanThu.Outgoing {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give an outgoing document its number and print its number line and Nơi nhận.",
            discussion: """
                vanthu outgoing add --type BC --summary "…" --signer "Nguyễn Văn A" --signer-title "PHÓ GIÁM ĐỐC" \\
                    --signer-capacity "KT. GIÁM ĐỐC" --recipient "Sở Thông tin và Truyền thông" --archive "VT, TTBCBC"
                """,
            aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Type code or name (BC, QĐ, CV).", valueName: "code"))
        var type: String

        @Option(help: ArgumentHelp("Trích yếu nội dung.", valueName: "text"))
        var summary: String

        @Option(help: ArgumentHelp("Issue date (default: today).", valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp("The signer's full name.", valueName: "name"))
        var signer: String

        @Option(name: .customLong("signer-title"), help: ArgumentHelp("The signer's position (PHÓ GIÁM ĐỐC).", valueName: "title"))
        var signerTitle: String?

        @Option(name: .customLong("signer-capacity"), help: ArgumentHelp("Authority line (KT. GIÁM ĐỐC, T/M BAN THƯỜNG VỤ).", valueName: "text"))
        var signerCapacity: String?

        @Option(help: ArgumentHelp("A recipient (Nơi nhận); repeat for each.", valueName: "name"))
        var recipient: [String] = []

        @Option(help: ArgumentHelp("The Lưu line (VT, TTBCBC); default VT.", valueName: "text"))
        var archive: String?

        @Option(help: ArgumentHelp("The drafting unit's abbreviation, needed by a state công văn.", valueName: "code"))
        var unit: String?

        @Option(help: ArgumentHelp("khan, thuong-khan or hoa-toc.", valueName: "level"))
        var urgency: String?

        @Option(help: ArgumentHelp("mat, toi-mat or tuyet-mat.", valueName: "level"))
        var secrecy: String?

        @Option(help: ArgumentHelp("Number of pages.", valueName: "n"))
        var pages: Int?

        @Option(help: ArgumentHelp("Ghi chú.", valueName: "text"))
        var note: String?

        @Option(help: ArgumentHelp("Reply deadline (hạn trả lời).", valueName: "date"))
        var due: String?

        @Option(name: .customLong("sub-number-of"), help: ArgumentHelp("Give a sub-number of this number (12 → 12a).", valueName: "n"))
        var subNumberOf: Int?

        func run() throws {
            let draft = OutgoingDraft(
                typeCode: type, summary: summary, issuedDate: try Parse.date(date),
                signer: Signer(capacity: signerCapacity, position: signerTitle, fullName: signer),
                recipients: recipient, archive: archive, unit: unit, urgency: try Parse.urgency(urgency), secrecy: try Parse.secrecy(secrecy),
                pages: pages, note: note, dueDate: try Parse.date(due), subNumberOf: subNumberOf)
            try global.withRegistry { registry in
                let document = try RegistrationService(registry).registerOutgoing(draft)
                if global.json { return try Terminal.json(document) }
                Terminal.print(DocumentPrinter.outgoing(document, organization: try SetupService(registry).organization()))
                Terminal.print(
                    Terminal.label("Đã vào sổ: \(document.reference) (id \(document.id))", "Registered: \(document.reference) (id \(document.id))"))
            }
        }
    }
}
