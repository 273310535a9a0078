import ArgumentParser
import VanThuCore

extension VanThu {
    struct Show: ParsableCommand {
        static let configuration =
            CommandConfiguration(
                commandName: "show",
                abstract: tr(
                    "Xem một văn bản: dấu ĐẾN hoặc dòng số, ký hiệu, và mọi trường.",
                    en: "Show one document: its stamp or number line, and every field."),
                discussion: tr("vanthu show den/2021/783", en: "vanthu show den/2021/783"),
                aliases: ["xem"])

        @OptionGroup var global: GlobalOptions

        @Argument(
            help: ArgumentHelp(
                tr("Văn bản: mã số, hoặc den/2021/783, di/2021/BC/86.", en: "The document: its id, or den/2021/783, di/2021/BC/86."),
                valueName: tr("văn-bản", en: "ref")))
        var reference: String

        func run() throws {
            try global.withRegistry(.read) { registry in
                let d = try DocumentService(registry).document(reference: reference)
                let citations = try DocumentService(registry).citations(of: d)
                if global.json { return try Terminal.json(DocumentWithCitations(document: d, citations: citations)) }
                let organization = try SetupService(registry).organization()
                Terminal.print(
                    d.direction == .incoming
                        ? DocumentPrinter.stamp(d, organization: organization) : DocumentPrinter.outgoing(d, organization: organization))
                Terminal.print("")
                var fields: [(String, String?)] = [
                    (Terminal.label("Tham chiếu", "Reference"), "\(d.reference) (id \(d.id))"),
                    (Terminal.label("Sổ", "Register"), d.kind.vietnameseName),
                    (Terminal.label("Tác giả", "Issuer"), d.organName),
                    (Terminal.label("Số, ký hiệu", "Notation"), d.notation?.full),
                    (Terminal.label("Ngày văn bản", "Document date"), d.issuedDate?.vietnamese),
                    (Terminal.label("Loại", "Type"), "\(d.typeName) (\(d.typeCode))"),
                    (Terminal.label("Trích yếu", "Summary"), d.subject),
                    (Terminal.label("Độ khẩn", "Urgency"), d.urgency?.label),
                    (Terminal.label("Độ mật", "Secrecy"), d.secrecy?.label),
                    (Terminal.label("Người ký", "Signer"), d.signer.map { [$0.capacity, $0.summary].compactMap { $0 }.joined(separator: " – ") }),
                    (Terminal.label("Đơn vị chủ trì", "Lead unit"), d.handler),
                    (Terminal.label("Đơn vị phối hợp", "Co-operating"), d.coHandlers.isEmpty ? nil : d.coHandlers.joined(separator: ", ")),
                    (Terminal.label("Ngày chuyển", "Routed on"), d.transferDate?.vietnamese),
                    (Terminal.label("Hạn giải quyết", "Due"), d.dueDate?.vietnamese),
                    (Terminal.label("Trạng thái", "Status"), d.direction == .incoming ? d.status.name(in: .fromEnvironment()) : nil),
                    (Terminal.label("Tiến độ", "Progress"), d.progress),
                    (Terminal.label("Văn bản trả lời", "Reply"), d.reply),
                    (Terminal.label("Số trang", "Pages"), d.pageAmount.map(String.init)),
                    (Terminal.label("Ghi chú", "Note"), d.note),
                    (Terminal.label("Vào sổ lúc", "Registered"), "\(d.registeredAt) (\(d.registeredBy))"),
                ]
                let dossiers = try DossierService(registry).dossiers(of: reference)
                if !dossiers.isEmpty {
                    fields.append(
                        (Terminal.label("Hồ sơ", "Hồ sơ"), dossiers.map { "\($0.reference) (\(ArchiveOutput.status($0)))" }.joined(separator: "; ")))
                }
                let attachments = try AttachmentService(registry).attachments(reference: reference)
                if !attachments.isEmpty {
                    fields.append(
                        (
                            Terminal.label("Tệp đính kèm", "Attachments"),
                            attachments.map { "\($0.name) (\(ArchiveOutput.size($0.size)))" }.joined(separator: "; ")
                        ))
                }
                if let voided = d.voided {
                    fields.append((Terminal.label("ĐÃ HỦY SỐ", "VOIDED"), "\(voided.at) (\(voided.by)): \(voided.reason)"))
                }
                if let exchange = try ExchangeService(registry).exchange(of: reference) {
                    fields.append(
                        (
                            Terminal.label("Liên thông", "Exchange"),
                            "\(exchange.nationalId) — \(exchange.senderName ?? "") (\(exchange.senderOrganId ?? "?"))"
                        ))
                    if let revoked = exchange.revokedAt {
                        fields.append((Terminal.label("ĐÃ BỊ THU HỒI", "REVOKED"), "\(revoked): \(exchange.revokedReason ?? "")"))
                    }
                }
                for (name, value) in fields {
                    if let value { Terminal.print("\(name): \(value)") }
                }
                if !citations.isEmpty {
                    Terminal.print(Terminal.label("Văn bản được dẫn:", "Documents cited:"))
                    for link in citations {
                        let c = link.citation
                        let date = c.issuedDate.map { Terminal.label(", ngày ", ", dated ") + $0.vietnamese } ?? ""
                        let status =
                            link.registered.map { Terminal.label("đã vào sổ: ", "registered: ") + $0 }
                            ?? Terminal.label("chưa có trong sổ", "not in the registry")
                        Terminal.print("  - " + [c.typeName, c.notation.full].compactMap { $0 }.joined(separator: " ") + date + " (\(status))")
                    }
                }
            }
        }
    }
}
