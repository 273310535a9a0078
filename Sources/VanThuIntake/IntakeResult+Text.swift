public import VanThuCore

extension IntakeResult {
    /// The proposal field by field, for the clerk to check; what was not found says so.
    public func fieldList(in language: Language) -> String {
        let vi = language == .vi
        let none = vi ? "(không tìm thấy)" : "(not found)"
        func label(_ v: String, _ e: String) -> String { vi ? v : e }
        var rows: [(String, String?)] = [
            (label("Cơ quan ban hành", "Issuing body"), organName),
            (label("Cơ quan chủ quản", "Parent body"), parentOrganName),
            (label("Số, ký hiệu", "Number and notation"), notationText(label)),
            (label("Tên loại", "Type"), typeName.map { name in typeCode.map { "\(name) (\($0))" } ?? name } ?? typeCode),
            (label("Địa danh", "Place"), place),
            (label("Ngày văn bản", "Date"), issuedDate?.vietnamese),
            (label("Trích yếu", "Summary"), subject),
            (label("Độ khẩn", "Urgency"), urgency?.label),
            (label("Độ mật", "Secrecy"), secrecy?.label),
            (label("Người ký", "Signer"), signer.map(Self.signerText)),
            (label("Nơi nhận", "Recipients"), toPlaces.isEmpty ? nil : toPlaces.map { "\n  - \($0)" }.joined()),
            (label("Lưu", "Archive copy"), archiveCopy),
        ]
        if let stamp = incomingStamp {
            let parts = [
                stamp.organName, stamp.number.map { label("Số: ", "No. ") + $0 }, stamp.date.map { label("Ngày: ", "Date: ") + $0.vietnamese },
                stamp.handler.map { label("Chuyển: ", "To: ") + $0 }, stamp.fileNotation.map { label("Hồ sơ: ", "File: ") + $0 },
            ]
            rows.append((label("Dấu ĐẾN trên văn bản", "ĐẾN stamp on it"), parts.compactMap { $0 }.joined(separator: "; ")))
        }
        if signers.count > 1 {
            // A joint document: every agency's signer, the first being the one registered.
            rows.append((label("Các chữ ký", "All signatures"), signers.map { "\n  - " + Self.signerText($0) }.joined()))
        }
        var out = rows.map { name, value in "\(name): \(value ?? none)" }
        if !references.isEmpty {
            out.append(label("Văn bản được dẫn:", "Documents cited:"))
            for citation in references {
                let date = citation.issuedDate.map { label(", ngày ", ", dated ") + $0.vietnamese } ?? ""
                out.append("  - " + [citation.typeName, citation.notation.full].compactMap { $0 }.joined(separator: " ") + date)
            }
        }
        if let file {
            var lines: [String] = []
            if file.format == "pdf" {
                lines.append(label("Tệp: PDF, \(file.pages ?? 0) trang", "File: PDF, \(file.pages ?? 0) pages"))
            } else {
                lines.append(label("Tệp: Word (.docx)", "File: Word (.docx)"))
            }
            if !file.ocrPages.isEmpty {
                let pages = file.ocrPages.map(String.init).joined(separator: ", ")
                lines.append(label("Trang đọc bằng OCR (ảnh quét): \(pages)", "Pages read by OCR (scans): \(pages)"))
            }
            if !file.unreadPages.isEmpty {
                let pages = file.unreadPages.map(String.init).joined(separator: ", ")
                lines.append(
                    label("Trang ảnh quét chưa đọc (quá giới hạn OCR): \(pages)", "Scanned pages left unread (past the OCR limit): \(pages)"))
            }
            if file.format == "pdf" {
                if file.signatures.isEmpty { lines.append(label("Chữ ký số: ", "Digital signature: ") + SignatureCheck.unsigned[language]) }
                for signature in file.signatures { lines.append(label("Chữ ký số: ", "Digital signature: ") + signature.verdict[language]) }
            }
            out.append(contentsOf: lines)
        }
        return out.joined(separator: "\n")
    }

    private static func signerText(_ signer: Signer) -> String {
        [signer.capacity, signer.position, signer.fullName].compactMap { $0 }.joined(separator: " / ")
    }

    /// `86-BC/TU (in trên văn bản: 86-BC/TƯ)` when the printed notation was normalised.
    private func notationText(_ label: (String, String) -> String) -> String? {
        guard let notation else { return nil }
        guard let normalizedNotation else { return notation.full }
        return normalizedNotation.full + label(" (in trên văn bản: ", " (printed: ") + notation.full + ")"
    }
}
