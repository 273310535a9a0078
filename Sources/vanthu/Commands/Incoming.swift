import ArgumentParser
import Foundation
import VanThuCore
import VanThuIntake

extension VanThu {
    struct Incoming: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register incoming documents (văn bản đến).",
            subcommands: [Add.self],
            aliases: ["den"])
    }
}

extension VanThu.Incoming {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register an incoming document and print its ĐẾN stamp.",
            discussion: """
                vanthu incoming add --issuer "Ban Tuyên giáo Tỉnh ủy" --symbol "85-BC/BTGTU" --date 18/8/2021 \\
                    --type BC --summary "Kết quả triển khai…" --received 20/8/2021 --handler "Phòng Tuyên truyền"
                vanthu incoming add --from-text van-ban.txt --received 20/8/2021 --handler "Phòng Tuyên truyền"
                  (the fields are read from the text, as `vanthu intake` shows them; flags override them)
                """,
            aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Option(
            name: .customLong("from-text"),
            help: ArgumentHelp("Read the fields from the document's text (a file, or - for standard input).", valueName: "file"))
        var fromText: String?

        @Option(help: ArgumentHelp("The issuing body (tác giả); required without --from-text.", valueName: "name"))
        var issuer: String?

        @Option(
            name: [.long, .customLong("notation")],
            help: ArgumentHelp("Số, ký hiệu as written (85-BC/BTGTU, 899/STTTT-TTBCBC).", valueName: "số/ký hiệu"))
        var symbol: String?

        @Option(help: ArgumentHelp("The document's own date.", valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp("Type code or name (BC, QĐ, Công văn); read from the ký hiệu when absent.", valueName: "code"))
        var type: String?

        @Option(help: ArgumentHelp("Trích yếu nội dung; required without --from-text.", valueName: "text"))
        var summary: String?

        @Option(help: ArgumentHelp("Arrival date (default: today).", valueName: "date"))
        var received: String?

        @Option(help: ArgumentHelp("Chuyển: the unit or person it goes to.", valueName: "unit"))
        var handler: String?

        @Option(help: ArgumentHelp("Deadline (thời hạn giải quyết).", valueName: "date"))
        var due: String?

        @Option(help: ArgumentHelp("khan, thuong-khan or hoa-toc.", valueName: "level"))
        var urgency: String?

        @Option(help: ArgumentHelp("mat, toi-mat or tuyet-mat: registers it in the secret register.", valueName: "level"))
        var secrecy: String?

        @Option(help: ArgumentHelp("Number of pages.", valueName: "n"))
        var pages: Int?

        @Option(help: ArgumentHelp("Ghi chú.", valueName: "text"))
        var note: String?

        @Option(help: ArgumentHelp("Số và ký hiệu hồ sơ (01.TCCB).", valueName: "hồ sơ"))
        var file: String?

        @Option(help: ArgumentHelp("The signer's full name.", valueName: "name"))
        var signer: String?

        @Option(name: .customLong("signer-title"), help: ArgumentHelp("The signer's position.", valueName: "title"))
        var signerTitle: String?

        @Option(name: .customLong("sub-number-of"), help: ArgumentHelp("Give a sub-number of this number (12 → 12a).", valueName: "n"))
        var subNumberOf: Int?

        @Flag(help: "Register even though the same số, ký hiệu and issuer are already registered.")
        var force = false

        func run() throws {
            var draft = IncomingDraft(
                issuer: issuer ?? "", notation: try Parse.notation(symbol), issuedDate: try Parse.date(date), typeCode: type,
                summary: summary ?? "", received: try Parse.date(received), handler: handler, dueDate: try Parse.date(due),
                urgency: try Parse.urgency(urgency), secrecy: try Parse.secrecy(secrecy), pages: pages, note: note,
                fileNotation: file, signer: Signer(position: signerTitle, fullName: signer), subNumberOf: subNumberOf, force: force)
            let source = try fromText.map { path in (path: path, data: try IntakeSource.read(path)) }
            try global.withRegistry { registry in
                if let source {
                    let text = DocumentReader.text(of: source.data)
                    draft = try DocumentReader.read(text).filling(
                        draft, source: source.path, text: text, receivingOrganization: try SetupService(registry).organization().name)
                }
                let document = try RegistrationService(registry).registerIncoming(draft)
                if global.json { return try Terminal.json(document) }
                Terminal.print(DocumentPrinter.stamp(document, organization: try SetupService(registry).organization()))
                Terminal.print(
                    Terminal.label("Đã vào sổ: \(document.reference) (id \(document.id))", "Registered: \(document.reference) (id \(document.id))"))
            }
        }
    }
}
