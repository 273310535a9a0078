import ArgumentParser
import Foundation
import VanThuCore
import VanThuIntake
import VanThuOffice
import VanThuReaders

extension VanThu {
    struct Incoming: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "incoming",
                abstract: tr("Đăng ký văn bản đến.", en: "Register incoming documents (văn bản đến)."),
                subcommands: [Add.self],
                aliases: ["den"])
    }
}

extension VanThu.Incoming {
    struct Add: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add",
                abstract: tr("Đăng ký một văn bản đến và in dấu ĐẾN.", en: "Register an incoming document and print its ĐẾN stamp."),
                discussion: tr(
                    """
                    vanthu incoming add --issuer "Ban Tuyên giáo Tỉnh ủy" --symbol "85-BC/BTGTU" --date 18/8/2021 \\
                        --type BC --summary "Kết quả triển khai…" --received 20/8/2021 --handler "Phòng Tuyên truyền"
                    vanthu incoming add --from-text van-ban.txt --received 20/8/2021 --handler "Phòng Tuyên truyền"
                      (các trường được đọc từ văn bản, như `vanthu intake` cho thấy; các tùy chọn ghi đè lên chúng)
                    """,
                    en: """
                        vanthu incoming add --issuer "Ban Tuyên giáo Tỉnh ủy" --symbol "85-BC/BTGTU" --date 18/8/2021 \\
                            --type BC --summary "Kết quả triển khai…" --received 20/8/2021 --handler "Phòng Tuyên truyền"
                        vanthu incoming add --from-text van-ban.txt --received 20/8/2021 --handler "Phòng Tuyên truyền"
                          (the fields are read from the text, as `vanthu intake` shows them; flags override them)
                        """),
                aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Option(
            name: .customLong("from-text"),
            help: ArgumentHelp(
                tr(
                    "Đọc các trường từ nội dung văn bản (một tệp, hoặc - cho đầu vào chuẩn).",
                    en: "Read the fields from the document's text (a file, or - for standard input)."), valueName: tr("tệp", en: "file")))
        var fromText: String?

        @Option(
            name: .customLong("from-file"),
            help: ArgumentHelp(
                tr(
                    "Đăng ký từ tệp điện tử (PDF, ảnh quét PDF, Word .docx): đọc các trường, kiểm tra chữ ký số và lưu tệp làm bản gốc.",
                    en:
                        "Register from an electronic file (PDF, scanned PDF, Word .docx): read the fields, check its signatures, keep the file as the original."
                ),
                valueName: tr("tệp", en: "file")),
            completion: .file(extensions: ["pdf", "docx", "txt"]))
        var fromFile: String?

        @Option(
            help: ArgumentHelp(
                tr("Cơ quan ban hành (tác giả); bắt buộc khi không có --from-text.", en: "The issuing body (tác giả); required without --from-text."),
                valueName: tr("tên", en: "name")))
        var issuer: String?

        @Option(
            name: [.long, .customLong("notation")],
            help: ArgumentHelp(
                tr("Số, ký hiệu như trên văn bản (85-BC/BTGTU, 899/STTTT-TTBCBC).", en: "Số, ký hiệu as written (85-BC/BTGTU, 899/STTTT-TTBCBC)."),
                valueName: tr("số/ký-hiệu", en: "số/ký hiệu")))
        var symbol: String?

        @Option(help: ArgumentHelp(tr("Ngày tháng của văn bản.", en: "The document's own date."), valueName: tr("ngày", en: "date")))
        var date: String?

        @Option(
            help: ArgumentHelp(
                tr(
                    "Mã hoặc tên loại (BC, QĐ, Công văn); không có thì lấy từ ký hiệu.",
                    en: "Type code or name (BC, QĐ, Công văn); read from the ký hiệu when absent."), valueName: tr("mã", en: "code")))
        var type: String?

        @Option(
            help: ArgumentHelp(
                tr("Trích yếu nội dung; bắt buộc khi không có --from-text.", en: "Trích yếu nội dung; required without --from-text."),
                valueName: tr("nội-dung", en: "text")))
        var summary: String?

        @Option(help: ArgumentHelp(tr("Ngày đến (mặc định: hôm nay).", en: "Arrival date (default: today)."), valueName: tr("ngày", en: "date")))
        var received: String?

        @Option(
            help: ArgumentHelp(
                tr("Chuyển: đơn vị hoặc người nhận để giải quyết.", en: "Chuyển: the unit or person it goes to."), valueName: tr("đơn-vị", en: "unit")
            ), completion: .agencyUnits)
        var handler: String?

        @Option(help: ArgumentHelp(tr("Thời hạn giải quyết.", en: "Deadline (thời hạn giải quyết)."), valueName: tr("ngày", en: "date")))
        var due: String?

        @Option(help: ArgumentHelp(tr("khan, thuong-khan hoặc hoa-toc.", en: "khan, thuong-khan or hoa-toc."), valueName: tr("mức", en: "level")))
        var urgency: String?

        @Option(
            help: ArgumentHelp(
                tr("mat, toi-mat hoặc tuyet-mat: đăng ký vào sổ văn bản mật.", en: "mat, toi-mat or tuyet-mat: registers it in the secret register."),
                valueName: tr("mức", en: "level")))
        var secrecy: String?

        @Option(help: ArgumentHelp(tr("Số trang.", en: "Number of pages."), valueName: tr("số", en: "n")))
        var pages: Int?

        @Option(help: ArgumentHelp(tr("Ghi chú.", en: "Ghi chú."), valueName: tr("nội-dung", en: "text")))
        var note: String?

        @Option(help: ArgumentHelp(tr("Số và ký hiệu hồ sơ (01.TCCB).", en: "Số và ký hiệu hồ sơ (01.TCCB)."), valueName: tr("hồ-sơ", en: "hồ sơ")))
        var file: String?

        @Option(help: ArgumentHelp(tr("Họ tên người ký.", en: "The signer's full name."), valueName: tr("tên", en: "name")))
        var signer: String?

        @Option(
            name: .customLong("signer-title"),
            help: ArgumentHelp(tr("Chức vụ người ký.", en: "The signer's position."), valueName: tr("chức-vụ", en: "title")))
        var signerTitle: String?

        @Option(
            name: .customLong("sub-number-of"),
            help: ArgumentHelp(
                tr("Lấy số phụ của số này (12 → 12a).", en: "Give a sub-number of this number (12 → 12a)."), valueName: tr("số", en: "n")))
        var subNumberOf: Int?

        @Flag(
            help: ArgumentHelp(
                tr(
                    "Vẫn đăng ký dù văn bản cùng số, ký hiệu và cơ quan ban hành đã có trong sổ.",
                    en: "Register even though the same số, ký hiệu and issuer are already registered.")))
        var force = false

        static func printRegistered(_ document: Document, registry: Registry) throws {
            Terminal.print(DocumentPrinter.stamp(document, organization: try SetupService(registry).organization()))
            Terminal.print(
                Terminal.label("Đã vào sổ: \(document.reference) (id \(document.id))", "Registered: \(document.reference) (id \(document.id))"))
        }

        func run() throws {
            var draft = IncomingDraft(
                issuer: issuer ?? "", notation: try Parse.notation(symbol), issuedDate: try Parse.date(date), typeCode: type,
                summary: summary ?? "", received: try Parse.date(received), handler: handler, dueDate: try Parse.date(due),
                urgency: try Parse.urgency(urgency), secrecy: try Parse.secrecy(secrecy), pages: pages, note: note,
                fileNotation: file, signer: Signer(position: signerTitle, fullName: signer), subNumberOf: subNumberOf, force: force)
            if fromText != nil, fromFile != nil {
                throw ValidationError(tr("Chỉ dùng một trong --from-text và --from-file.", en: "Use one of --from-text and --from-file, not both."))
            }
            let source = try fromText.map { path in (path: path, data: try IntakeSource.read(path)) }
            // Read before the database is opened for writing: a damaged file stores nothing.
            let file = try fromFile.map { path in (path: path, read: try VanThu.Intake.read(path, trustedRoots: try global.trustedRootsIfAny())) }
            let language = Language.fromEnvironment()
            try global.withRegistry { registry in
                if let source {
                    let text = DocumentReader.text(of: source.data)
                    draft = try DocumentReader.read(text).filling(
                        draft, source: source.path, text: text, receivingOrganization: try SetupService(registry).organization().name)
                }
                guard let file else {
                    let document = try RegistrationService(registry).registerIncoming(draft)
                    if global.json { return try Terminal.json(document) }
                    return try Self.printRegistered(document, registry: registry)
                }
                draft = try file.read.filling(draft, source: file.path, receivingOrganization: try SetupService(registry).organization().name)
                let outcome = try FileRegistration(registry).registerIncoming(draft, from: file.read)
                let document = outcome.document
                if global.json { return try Terminal.json(document) }
                try Self.printRegistered(document, registry: registry)
                if let original = outcome.original {
                    Terminal.print(
                        Terminal.label(
                            "Bản gốc: \(original.name), \(original.size) byte, SHA-256 \(original.sha256)",
                            "Original: \(original.name), \(original.size) bytes, SHA-256 \(original.sha256)"))
                }
                guard file.read.isPDF else { return }
                if let copy = outcome.stampedCopy {
                    Terminal.print(Terminal.label("Bản có dấu ĐẾN: \(copy.name)", "Stamped copy: \(copy.name)"))
                } else {
                    let problem = outcome.stampProblem.map { $0[language] } ?? ""
                    Terminal.print(Terminal.label("Chưa có bản có dấu ĐẾN: ", "No stamped copy: ") + problem)
                }
                let signatures = file.read.content.signatures
                let lines = signatures.isEmpty ? [SignatureCheck.unsigned[language]] : signatures.map { $0.verdict[language] }
                for line in lines { Terminal.print(Terminal.label("Chữ ký số: ", "Digital signature: ") + line) }
            }
        }
    }
}
