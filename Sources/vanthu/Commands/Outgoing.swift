import ArgumentParser
import VanThuCore

extension VanThu {
    struct Outgoing: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "outgoing",
                abstract: tr("Đăng ký văn bản đi.", en: "Register outgoing documents (văn bản đi)."),
                subcommands: [Add.self],
                aliases: ["di"])
    }
}

extension VanThu.Outgoing {
    struct Add: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "add",
                abstract: tr(
                    "Cấp số cho một văn bản đi và in dòng số, ký hiệu và Nơi nhận.",
                    en: "Give an outgoing document its number and print its number line and Nơi nhận."),
                discussion: tr(
                    """
                    vanthu outgoing add --type BC --summary "…" --signer "Nguyễn Văn A" --signer-title "PHÓ GIÁM ĐỐC" \\
                        --signer-capacity "KT. GIÁM ĐỐC" --recipient "Sở Thông tin và Truyền thông" --archive "VT, TTBCBC"
                    """,
                    en: """
                        vanthu outgoing add --type BC --summary "…" --signer "Nguyễn Văn A" --signer-title "PHÓ GIÁM ĐỐC" \\
                            --signer-capacity "KT. GIÁM ĐỐC" --recipient "Sở Thông tin và Truyền thông" --archive "VT, TTBCBC"
                        """),
                aliases: ["them"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(tr("Mã hoặc tên loại (BC, QĐ, CV).", en: "Type code or name (BC, QĐ, CV)."), valueName: tr("mã", en: "code")))
        var type: String

        @Option(help: ArgumentHelp(tr("Trích yếu nội dung.", en: "Trích yếu nội dung."), valueName: tr("nội-dung", en: "text")))
        var summary: String

        @Option(help: ArgumentHelp(tr("Ngày ban hành (mặc định: hôm nay).", en: "Issue date (default: today)."), valueName: tr("ngày", en: "date")))
        var date: String?

        @Option(help: ArgumentHelp(tr("Họ tên người ký.", en: "The signer's full name."), valueName: tr("tên", en: "name")))
        var signer: String

        @Option(
            name: .customLong("signer-title"),
            help: ArgumentHelp(
                tr("Chức vụ người ký (PHÓ GIÁM ĐỐC).", en: "The signer's position (PHÓ GIÁM ĐỐC)."), valueName: tr("chức-vụ", en: "title")))
        var signerTitle: String?

        @Option(
            name: .customLong("signer-capacity"),
            help: ArgumentHelp(
                tr("Quyền hạn ký (KT. GIÁM ĐỐC, T/M BAN THƯỜNG VỤ).", en: "Authority line (KT. GIÁM ĐỐC, T/M BAN THƯỜNG VỤ)."),
                valueName: tr("nội-dung", en: "text")))
        var signerCapacity: String?

        @Option(
            help: ArgumentHelp(
                tr("Một nơi nhận; lặp lại cho từng nơi.", en: "A recipient (Nơi nhận); repeat for each."), valueName: tr("tên", en: "name")))
        var recipient: [String] = []

        @Option(
            help: ArgumentHelp(
                tr("Dòng Lưu (VT, TTBCBC); mặc định VT.", en: "The Lưu line (VT, TTBCBC); default VT."), valueName: tr("nội-dung", en: "text")))
        var archive: String?

        @Option(
            help: ArgumentHelp(
                tr(
                    "Chữ viết tắt của đơn vị soạn thảo, cần cho công văn của cơ quan nhà nước.",
                    en: "The drafting unit's abbreviation, needed by a state công văn."), valueName: tr("mã", en: "code")))
        var unit: String?

        @Option(help: ArgumentHelp(tr("khan, thuong-khan hoặc hoa-toc.", en: "khan, thuong-khan or hoa-toc."), valueName: tr("mức", en: "level")))
        var urgency: String?

        @Option(help: ArgumentHelp(tr("mat, toi-mat hoặc tuyet-mat.", en: "mat, toi-mat or tuyet-mat."), valueName: tr("mức", en: "level")))
        var secrecy: String?

        @Option(help: ArgumentHelp(tr("Số trang.", en: "Number of pages."), valueName: tr("số", en: "n")))
        var pages: Int?

        @Option(help: ArgumentHelp(tr("Ghi chú.", en: "Ghi chú."), valueName: tr("nội-dung", en: "text")))
        var note: String?

        @Option(help: ArgumentHelp(tr("Hạn trả lời.", en: "Reply deadline (hạn trả lời)."), valueName: tr("ngày", en: "date")))
        var due: String?

        @Option(
            name: .customLong("sub-number-of"),
            help: ArgumentHelp(
                tr("Lấy số phụ của số này (12 → 12a).", en: "Give a sub-number of this number (12 → 12a)."), valueName: tr("số", en: "n")))
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
