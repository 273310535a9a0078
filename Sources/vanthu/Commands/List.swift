import ArgumentParser
import VanThuCore

/// `incoming`/`den` or `outgoing`/`di` on the command line.
enum DirectionArgument: String, ExpressibleByArgument, CaseIterable {
    case incoming, outgoing, den, di

    var direction: Direction { self == .incoming || self == .den ? .incoming : .outgoing }
}

extension VanThu {
    struct List: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "list",
                abstract: tr("Liệt kê các văn bản của một sổ.", en: "List the documents of a register."),
                discussion: tr("vanthu list incoming --year 2021", en: "vanthu list incoming --year 2021"),
                aliases: ["ds", "danh-sach"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("incoming (den, sổ đến) hoặc outgoing (di, sổ đi).", en: "incoming (den) or outgoing (di)."), valueName: tr("sổ", en: "direction"))
        )
        var direction: DirectionArgument

        @Option(help: ArgumentHelp(tr("Chỉ văn bản của năm này.", en: "Only documents of this year."), valueName: tr("năm", en: "year")))
        var year: Int?

        @Flag(
            help: ArgumentHelp(
                tr("Liệt kê sổ văn bản mật (không bao giờ lẫn với sổ thường).", en: "List the secret registers (never mixed with the ordinary ones).")
            ))
        var secret = false

        func run() throws {
            let documents = try global.withRegistry(.read) {
                try DocumentService($0).documents(direction: direction.direction, year: year, secret: secret)
            }
            if global.json { return try Terminal.json(documents) }
            guard !documents.isEmpty else {
                return Terminal.error(Terminal.label("Sổ chưa có văn bản nào.", "The register holds no document."))
            }
            // Urgent documents still being handled are flagged above the register.
            for d in documents where d.urgency != nil && d.voided == nil && d.direction == .incoming && d.status.isOpen {
                Terminal.print(
                    "⚑ \(d.urgency?.label ?? "") \(d.reference): \(d.typeName) \(d.subject) – \(d.status.name(in: .fromEnvironment()))"
                        + (d.dueDate.map { Terminal.label(", hạn \($0.vietnamese)", ", due \($0.vietnamese)") } ?? ""))
            }
            let rows = documents.map { d -> [String] in
                let subject = d.voided.map { Terminal.label("[ĐÃ HỦY: \($0.reason)] ", "[VOID: \($0.reason)] ") } ?? ""
                let marks = [d.urgency?.label, d.secrecy?.label].compactMap { $0 }.map { "[\($0)] " }.joined()
                switch direction.direction {
                case .incoming:
                    let status = d.voided == nil ? d.status.name(in: .fromEnvironment()) : ""
                    return [
                        d.displayNumber, d.registerDate.vietnamese, d.organName, d.notation?.full ?? "",
                        marks + subject + "\(d.typeName) \(d.subject)", d.handler ?? "", status,
                    ]
                case .outgoing:
                    return [
                        d.notation?.full ?? d.displayNumber, d.registerDate.vietnamese, marks + subject + "\(d.typeName) \(d.subject)",
                        d.signer?.summary ?? "", d.recipients.joined(separator: "; "),
                    ]
                }
            }
            let headings =
                direction.direction == .incoming
                ? [
                    Terminal.label("Số đến", "No."), Terminal.label("Ngày đến", "Arrived"), Terminal.label("Tác giả", "Issuer"),
                    Terminal.label("Số, ký hiệu", "Notation"), Terminal.label("Tên loại và trích yếu", "Type and summary"),
                    Terminal.label("Đơn vị nhận", "Handler"), Terminal.label("Trạng thái", "Status"),
                ]
                : [
                    Terminal.label("Số, ký hiệu", "Notation"), Terminal.label("Ngày", "Date"),
                    Terminal.label("Tên loại và trích yếu", "Type and summary"),
                    Terminal.label("Người ký", "Signer"), Terminal.label("Nơi nhận", "Recipients"),
                ]
            Terminal.print(
                Terminal.table(
                    headings: headings, rows: rows,
                    limits: direction.direction == .incoming ? [nil, nil, 28, nil, 60, 24, nil] : [nil, nil, 60, 28, 40]))
        }
    }
}
