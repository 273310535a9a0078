import Foundation
import VanThuCore

/// What the document page shows, read in one go: the document, its history, files, citations,
/// and the units the routing form offers.
struct DocumentDetails {
    var document: Document
    var organization: Organization
    var steps: [HandlingStep]
    var files: [Attachment]
    var citations: [CitationLink]
    var units: [String]

    init(reference: String, registry: Registry) throws {
        let history = try HandlingService(registry).history(reference: reference)
        document = history.document
        steps = history.steps
        organization = try SetupService(registry).organization()
        files = try AttachmentService(registry).attachments(reference: document.reference)
        citations = try DocumentService(registry).citations(of: document)
        units = try AccountService(registry).units()
    }

    var title: String {
        let d = document
        return (d.direction == .incoming ? "Văn bản đến số \(d.displayNumber)" : "Văn bản đi số \(d.notation?.full ?? d.displayNumber)")
            + " (\(d.registerDate.year))"
    }

    func values(for account: Account, today: LocalDate) -> [String: Any] {
        let d = document
        var fields: [(String, String?)] = [
            ("Sổ đăng ký", d.kind.vietnameseName), (d.direction == .incoming ? "Số đến" : "Số", d.displayNumber),
            ("Ngày đến/đi", d.registerDate.vietnamese),
            ("Tác giả", d.direction == .incoming ? d.organName : nil), ("Số, ký hiệu", d.notation?.full),
            ("Ngày văn bản", d.issuedDate?.vietnamese), ("Tên loại", d.typeName), ("Trích yếu nội dung", d.subject),
            ("Độ khẩn", d.urgency?.label), ("Độ mật", d.secrecy?.label),
            ("Người ký", [d.signer?.capacity, d.signer?.position, d.signer?.fullName].compactMap { $0 }.joined(separator: " ")),
            ("Nơi nhận", d.recipients.isEmpty ? nil : d.recipients.joined(separator: "; ")), ("Số trang", d.pageAmount.map(String.init)),
            ("Đơn vị, cá nhân chủ trì", d.handler), ("Phối hợp", d.coHandlers.isEmpty ? nil : d.coHandlers.joined(separator: "; ")),
            ("Ngày chuyển", d.transferDate?.vietnamese), ("Hạn giải quyết", d.dueDate?.vietnamese),
            ("Trạng thái", d.direction == .incoming ? d.status.name(in: .vi) : nil), ("Tiến độ", d.progress),
            ("Văn bản trả lời", d.reply), ("Ghi chú", d.note), ("Vào sổ", "\(d.registeredBy), \(d.registeredAt)"),
        ]
        if let voided = d.voided { fields.insert(("ĐÃ HỦY SỐ", "\(voided.reason) (\(voided.by), \(voided.at))"), at: 0) }
        let open = d.voided == nil && d.status.isOpen && d.direction == .incoming
        var values: [String: Any] = [
            "title": title,
            "fields": fields.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : ["label": label, "value": $0] } },
            "files": files.map(Self.file),
            "steps": steps.map(Self.step),
            "hasCitations": !citations.isEmpty,
            "citations": citations.map { link -> [String: Any] in
                let c = link.citation
                let text = [c.typeName, "số \(c.notation.full)", c.issuedDate.map { "ngày \($0.vietnamese)" }].compactMap { $0 }.joined(
                    separator: " ")
                return ["text": text, "registered": link.registered as Any, "href": link.registered.map { "/documents/" + $0 } as Any]
            },
            "units": units,
            "mayDirect": open && AccessRules.may(account, .direct),
            "mayProgress": open && d.handler != nil && AccessRules.mayHandle(d, by: account, leadOnly: false),
            "mayDone": open && d.handler != nil && AccessRules.mayHandle(d, by: account, leadOnly: true),
            "mayVoid": d.voided == nil && AccessRules.may(account, .register),
        ]
        if d.direction == .incoming {
            // The ĐẾN stamp's fields (ND30 Phụ lục IV), as the clerk writes them on paper.
            let marks = [d.secrecy?.label, d.urgency?.label].compactMap { $0 }.joined(separator: " · ")
            values["stamp"] =
                [
                    "organization": organization.name, "number": d.displayNumber, "date": d.registerDate.vietnamese,
                    "handler": d.handler ?? "", "file": d.fileNotation ?? "", "marks": marks.isEmpty ? nil : marks,
                ] as [String: Any?]
        }
        return values
    }

    static func file(_ a: Attachment) -> [String: Any] {
        let role: String =
            switch a.role {
            case .original: "Bản gốc"
            case .rendition: "Bản có dấu ĐẾN"
            case .attachment: "Tệp kèm"
            }
        var signatures: [String] = []
        if let checks = a.signatures { signatures = checks.isEmpty ? [SignatureCheck.unsigned.vi] : checks.map(\.verdict.vi) }
        return [
            "href": "/documents/\(a.reference)/files/\(a.id)", "name": a.name, "role": role, "size": Self.size(a.size),
            "sha": String(a.sha256.prefix(16)) + "…", "signatures": signatures,
        ]
    }

    static func size(_ bytes: Int64) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1 << 20 ? "\(bytes / 1024) kB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func step(_ s: HandlingStep) -> [String: Any] {
        let who = ([s.person, s.unit].compactMap { $0 } + (s.coUnits.isEmpty ? [] : ["phối hợp: " + s.coUnits.joined(separator: ", ")]))
            .joined(separator: "; ")
        var text = s.text ?? ""
        if let due = s.dueDate { text += (text.isEmpty ? "" : " — ") + "hạn \(due.vietnamese)" }
        if let reply = s.reply { text += (text.isEmpty ? "" : " — ") + "trả lời: \(reply)" }
        return ["day": s.day.vietnamese, "action": s.action.name(in: .vi), "who": who, "text": text, "user": s.user, "at": s.at]
    }
}
