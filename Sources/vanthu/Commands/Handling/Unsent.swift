import ArgumentParser
import VanThuCore

extension VanThu {
    struct Unsent: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "unsent",
                abstract: tr(
                    "Liệt kê các bản văn bản đi chưa gửi, theo nơi nhận, văn bản khẩn lên trước.",
                    en: "List the copies of outgoing documents not yet sent, by recipient, urgent ones first."),
                discussion: tr("vanthu unsent --year 2021", en: "vanthu unsent --year 2021"),
                aliases: ["chua-gui"])

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp(tr("Chỉ văn bản của năm này.", en: "Only documents of this year."), valueName: tr("năm", en: "year")))
        var year: Int?

        func run() throws {
            let copies = try global.withRegistry(.read) { try DispatchService($0).unsent(year: year) }
            if global.json {
                return try Terminal.json(
                    copies.map { ["recipient": $0.recipient, "reference": $0.document.reference, "notation": $0.document.notation?.full ?? ""] })
            }
            guard !copies.isEmpty else { return Terminal.print(Terminal.label("Mọi văn bản đi đã gửi đủ.", "Every outgoing copy has been sent.")) }
            let rows = copies.map { copy -> [String] in
                let d = copy.document
                return [
                    d.urgency.map { "⚑ \($0.label)" } ?? "", copy.recipient, d.notation?.full ?? d.reference, d.registerDate.vietnamese,
                    "\(d.typeName) \(d.subject)",
                ]
            }
            Terminal.print(
                Terminal.table(
                    headings: [
                        "", Terminal.label("Nơi nhận", "Recipient"), Terminal.label("Số, ký hiệu", "Notation"), Terminal.label("Ngày", "Date"),
                        Terminal.label("Tên loại và trích yếu", "Type and summary"),
                    ],
                    rows: rows, limits: [nil, 40, nil, nil, 50]))
            Terminal.print(Terminal.label("\(copies.count) bản chưa gửi.", "\(copies.count) copies not sent."))
        }
    }
}
