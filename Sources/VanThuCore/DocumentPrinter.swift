/// The text a clerk copies onto paper: the ĐẾN stamp of an incoming document, the number line
/// and Nơi nhận of an outgoing one.
public enum DocumentPrinter {
    /// The ĐẾN stamp (ND30 Phụ lục IV mục V) as a box of text.
    ///
    /// ```
    /// ┌────────────────────────────────────┐
    /// │    SỞ THÔNG TIN VÀ TRUYỀN THÔNG    │
    /// │       │ Số: 783                    │
    /// │  ĐẾN  │ Ngày: 20/8/2021            │
    /// │ Chuyển: Phòng Tuyên truyền         │
    /// │ Số và ký hiệu HS:                  │
    /// └────────────────────────────────────┘
    /// ```
    public static func stamp(_ document: Document, organization: Organization) -> String {
        var marks: [String] = []
        if let secrecy = document.secrecy { marks.append(secrecy.label) }
        if let urgency = document.urgency { marks.append(urgency.label) }
        let body = [
            organization.name.uppercased(),
            "       │ Số: \(document.displayNumber)",
            "  ĐẾN  │ Ngày: \(document.registerDate.vietnamese)",
            "Chuyển: \(document.handler ?? "")",
            "Số và ký hiệu HS: \(document.fileNotation ?? "")",
        ]
        let width = max(34, body.map(VietnameseText.width).max() ?? 0) + 2
        var lines = ["┌" + String(repeating: "─", count: width) + "┐"]
        for (index, line) in body.enumerated() {
            let text = index == 0 ? centered(line, width: width) : " " + line
            lines.append("│" + text + String(repeating: " ", count: max(0, width - VietnameseText.width(text))) + "│")
        }
        lines.append("└" + String(repeating: "─", count: width) + "┘")
        if document.voided != nil { lines.append("ĐÃ HỦY SỐ: \(document.voided?.reason ?? "")") }
        if !marks.isEmpty { lines.insert(marks.joined(separator: "  "), at: 0) }
        return lines.joined(separator: "\n")
    }

    /// The heading and the Nơi nhận of an outgoing document, and the number of copies to print.
    public static func outgoing(_ document: Document, organization: Organization) -> String {
        var lines: [String] = []
        if let parent = organization.parentName { lines.append(parent.uppercased()) }
        lines.append(organization.name.uppercased())
        if organization.style == .party { lines.append("*") }
        if let notation = document.notation { lines.append(notation.numberLine) }
        let date = document.issuedDate ?? document.registerDate
        lines.append(LocalDate.placeAndDate(organization.place, date))
        var marks: [String] = []
        if let secrecy = document.secrecy { marks.append(secrecy.label) }
        if let urgency = document.urgency { marks.append(urgency.label) }
        if !marks.isEmpty { lines.append(marks.joined(separator: "  ")) }
        lines.append("")
        lines.append("\(document.typeName.uppercased()): \(document.subject)")
        lines.append("")
        lines += RecipientList.lines(recipients: document.recipients, archive: document.archiveCopy, style: organization.style)
        if let signer = document.signer {
            lines.append("")
            lines += [signer.capacity, signer.position, signer.fullName].compactMap { $0 }
        }
        if let copies = document.issuedAmount {
            lines.append("")
            lines.append("Số bản cần in: \(copies) (\(document.recipients.count) nơi nhận + \(copies - document.recipients.count) bản lưu)")
        }
        if let voided = document.voided { lines.append("ĐÃ HỦY SỐ: \(voided.reason)") }
        return lines.joined(separator: "\n")
    }

    private static func centered(_ text: String, width: Int) -> String {
        let padding = max(0, width - VietnameseText.width(text))
        return String(repeating: " ", count: padding / 2) + text
    }
}
