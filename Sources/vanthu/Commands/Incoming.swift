import ArgumentParser
import Foundation
import VanThuCore
import VanThuIntake
import VanThuReaders
import VanThuXLSX

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

        /// The working copy with the ĐẾN stamp, kept beside the original. The registration has
        /// happened whatever becomes of it: a PDF that cannot take the stamp is said so, not refused.
        static func keepStampedCopy(_ data: Data, original: Attachment, document: Document, registry: Registry) {
            do {
                let copy = try VanThu.Stamp.stamped(data, name: original.name, document: document, registry: registry)
                let stem = (original.name as NSString).deletingPathExtension
                let kept = try AttachmentService(registry).keepRendition(reference: document.reference, data: copy.pdf, name: "\(stem) (dấu ĐẾN).pdf")
                Terminal.print(Terminal.label("Bản có dấu ĐẾN: \(kept.name)", "Stamped copy: \(kept.name)"))
            } catch let error as any ClerkFacingError {
                Terminal.print(Terminal.label("Chưa có bản có dấu ĐẾN: ", "No stamped copy: ") + error.message(in: .fromEnvironment()))
            } catch {
                Terminal.print(Terminal.label("Chưa có bản có dấu ĐẾN.", "No stamped copy."))
            }
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
            try global.withRegistry { registry in
                if let source {
                    let text = DocumentReader.text(of: source.data)
                    draft = try DocumentReader.read(text).filling(
                        draft, source: source.path, text: text, receivingOrganization: try SetupService(registry).organization().name)
                }
                if let file {
                    let text = file.read.content.text ?? DocumentReader.text(of: file.read.data)
                    draft = try file.read.result.filling(
                        draft, source: file.path, text: text, receivingOrganization: try SetupService(registry).organization().name)
                    draft.originals = [
                        OriginalFile(path: file.path, signatures: file.read.content.format == .pdf ? file.read.content.signatures : nil)
                    ]
                }
                let document = try RegistrationService(registry).registerIncoming(draft)
                if global.json { return try Terminal.json(document) }
                Terminal.print(DocumentPrinter.stamp(document, organization: try SetupService(registry).organization()))
                Terminal.print(
                    Terminal.label("Đã vào sổ: \(document.reference) (id \(document.id))", "Registered: \(document.reference) (id \(document.id))"))
                if let file,
                    let original = try AttachmentService(registry).attachments(reference: document.reference).first(where: { $0.role == .original })
                {
                    Terminal.print(
                        Terminal.label(
                            "Bản gốc: \(original.name), \(original.size) byte, SHA-256 \(original.sha256)",
                            "Original: \(original.name), \(original.size) bytes, SHA-256 \(original.sha256)"))
                    if file.read.content.format == .pdf {
                        Self.keepStampedCopy(file.read.data, original: original, document: document, registry: registry)
                        let language = Language.fromEnvironment()
                        let lines =
                            file.read.content.signatures.isEmpty
                            ? [SignatureCheck.unsigned[language]] : file.read.content.signatures.map { $0.verdict[language] }
                        for line in lines { Terminal.print(Terminal.label("Chữ ký số: ", "Digital signature: ") + line) }
                    }
                }
            }
        }
    }
}
