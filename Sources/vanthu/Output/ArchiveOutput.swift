import VanThuCore

/// How hồ sơ, the Danh mục and attachments print on a terminal.
enum ArchiveOutput {
    static func dossiers(_ dossiers: [Dossier]) -> String {
        guard !dossiers.isEmpty else { return Terminal.label("Không có hồ sơ nào.", "No hồ sơ.") }
        return Terminal.table(
            headings: [
                Terminal.label("Hồ sơ", "Hồ sơ"), Terminal.label("Tiêu đề", "Title"), Terminal.label("Thời hạn BQ", "Retention"),
                Terminal.label("Trạng thái", "Status"), Terminal.label("Số VB", "Docs"), Terminal.label("Hạn nộp lưu", "Transfer due"),
            ],
            rows: dossiers.map { d in
                [d.reference, d.title, d.retention?.label ?? "—", status(d), String(d.documentCount), d.transferDue?.vietnamese ?? ""]
            },
            limits: [nil, 48])
    }

    static func status(_ d: Dossier) -> String {
        var text = Terminal.label(d.status.label, d.status.rawValue)
        if d.hold != nil { text += Terminal.label(" (giữ lại)", " (on hold)") }
        return text
    }

    static func catalog(_ catalog: Catalog) -> String {
        guard !catalog.lines.isEmpty else {
            return Terminal.label(
                "Năm \(catalog.year) chưa có Danh mục hồ sơ. Nhập bằng “vanthu catalog import”.",
                "No catalogue for \(catalog.year). Import one with “vanthu catalog import”.")
        }
        var rows: [[String]] = []
        for line in catalog.lines {
            switch line {
            case .heading(let heading): rows.append(["", (heading.level == 2 ? "  " : "") + heading.text, "", "", ""])
            case .dossier(let d):
                rows.append([d.fileNotation, (d.inCatalog ? "    " : "    * ") + d.title, d.retention?.label ?? "—", d.creator ?? "", status(d)])
            }
        }
        let summary = catalog.summary
        return Terminal.label("DANH MỤC HỒ SƠ NĂM \(catalog.year)", "CATALOGUE OF HỒ SƠ \(catalog.year)") + "\n"
            + Terminal.table(
                headings: [
                    Terminal.label("Số, ký hiệu", "Number"), Terminal.label("Đề mục, tiêu đề hồ sơ", "Heading, title"),
                    Terminal.label("Thời hạn BQ", "Retention"),
                    Terminal.label("Người lập", "Keeper"), Terminal.label("Trạng thái", "Status"),
                ],
                rows: rows, limits: [nil, 60, nil, 24])
            + "\n"
            + Terminal.label(
                "Danh mục có \(summary.total) hồ sơ: \(summary.permanent) vĩnh viễn, \(summary.limited) có thời hạn. (* ngoài Danh mục)",
                "\(summary.total) hồ sơ: \(summary.permanent) permanent, \(summary.limited) limited. (* outside the catalogue)")
    }

    static func contents(_ contents: DossierContents, organization: Organization) -> String {
        let d = contents.dossier
        var lines = [
            Terminal.label("Hồ sơ \(d.reference): \(d.title)", "Hồ sơ \(d.reference): \(d.title)"),
            Terminal.label("Mã hồ sơ: ", "File code: ") + d.fileCode(organization: organization),
            Terminal.label("Trạng thái: ", "Status: ") + status(d) + (d.hold.map { Terminal.label(" — lý do giữ: ", " — held: ") + $0 } ?? ""),
            Terminal.label("Thời hạn bảo quản: ", "Retention: ") + (d.retention?.label ?? "—"),
        ]
        if let start = d.startDate {
            lines.append(
                Terminal.label("Bắt đầu: ", "Started: ") + start.vietnamese
                    + (d.endDate.map { Terminal.label(", kết thúc: ", ", ended: ") + $0.vietnamese } ?? ""))
        }
        if let due = d.transferDue, d.status == .closed { lines.append(Terminal.label("Hạn nộp lưu: ", "Transfer due: ") + due.vietnamese) }
        if let pages = d.pageTotal { lines.append(Terminal.label("Số tờ: ", "Pages: ") + String(pages)) }
        guard !contents.documents.isEmpty else {
            return (lines + [Terminal.label("Chưa có văn bản nào.", "No document yet.")]).joined(separator: "\n")
        }
        let table = Terminal.table(
            headings: [
                Terminal.label("STT", "No."), Terminal.label("Văn bản", "Document"), Terminal.label("Số, ký hiệu", "Notation"),
                Terminal.label("Ngày", "Date"), Terminal.label("Trích yếu", "Summary"), Terminal.label("Tác giả", "Issuer"),
            ],
            rows: contents.documents.enumerated().map { index, document in
                [
                    String(index + 1), document.reference, document.notation?.full ?? "", DossierContents.date(document).vietnamese, document.subject,
                    document.organName,
                ]
            },
            limits: [nil, nil, nil, nil, 50, 30])
        return (lines + ["", table]).joined(separator: "\n")
    }

    static func attachments(_ attachments: [Attachment]) -> String {
        guard !attachments.isEmpty else { return Terminal.label("Không có tệp đính kèm.", "No attachment.") }
        return Terminal.table(
            headings: [
                Terminal.label("Tệp", "File"), Terminal.label("Là", "Role"), Terminal.label("Cỡ", "Size"), Terminal.label("Loại", "Type"), "SHA-256",
                Terminal.label("Người thêm", "Added by"), Terminal.label("Chữ ký số", "Signature"),
            ],
            rows: attachments.map {
                [$0.name, role($0.role), size($0.size), $0.mediaType, String($0.sha256.prefix(16)) + "…", $0.addedBy, signature($0)]
            })
    }

    static func role(_ role: Attachment.Role) -> String {
        switch role {
        case .original: Terminal.label("bản gốc", "original")
        case .rendition: Terminal.label("bản có dấu ĐẾN", "stamped copy")
        case .attachment: Terminal.label("đính kèm", "attachment")
        }
    }

    /// What checking the file's signatures found when it was stored; empty for a file that is not a PDF.
    static func signature(_ attachment: Attachment) -> String {
        guard let signatures = attachment.signatures else { return "" }
        guard let first = signatures.first else { return SignatureCheck.unsigned[.fromEnvironment()] }
        let ok = signatures.allSatisfy { $0.intact && $0.valid && $0.trusted }
        let broken = signatures.contains { !$0.intact || !$0.valid }
        let word =
            ok
            ? Terminal.label("hợp lệ", "valid")
            : broken ? Terminal.label("bị sửa sau khi ký", "changed after signing") : Terminal.label("không tin cậy", "not trusted")
        return "\(word) — \(first.signer ?? "?")"
    }

    static func size(_ bytes: Int64) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1 << 20 ? "\(bytes / 1024) KB" : "\(bytes / (1 << 20)) MB"
    }
}
