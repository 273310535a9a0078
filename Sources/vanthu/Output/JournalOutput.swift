import VanThuCore

/// The lines of a journal verification, for `journal verify` and `check`.
enum JournalOutput {
    static func print(_ result: JournalVerification) {
        for link in result.brokenLinks {
            Terminal.print(
                Terminal.label(
                    "NHẬT KÝ BỊ SỬA: dòng #\(link.id) (\(link.at), \(link.user), \(link.action)\(link.reference.map { ", \($0)" } ?? "")) không khớp mã băm của chuỗi.",
                    "JOURNAL ALTERED: entry #\(link.id) (\(link.at), \(link.user), \(link.action)\(link.reference.map { ", \($0)" } ?? "")) does not match the chain's hash."
                ))
        }
        if result.brokenLinkCount > result.brokenLinks.count {
            Terminal.print(
                Terminal.label(
                    "… và \(result.brokenLinkCount - result.brokenLinks.count) dòng nữa.",
                    "… and \(result.brokenLinkCount - result.brokenLinks.count) more."))
        }
        if result.orphanSeals > 0 {
            Terminal.print(
                Terminal.label(
                    "NHẬT KÝ BỊ XÓA: \(result.orphanSeals) dấu niêm văn bản thuộc về dòng nhật ký không còn.",
                    "JOURNAL ENTRIES DELETED: \(result.orphanSeals) document seals belong to entries that are gone."))
        }
        for document in result.alteredDocuments {
            let name = document.reference ?? "#\(document.id)"
            let entry = document.journalId.map { "#\($0)" } ?? ""
            switch document.kind {
            case .changed:
                Terminal.print(
                    Terminal.label(
                        "VĂN BẢN BỊ SỬA NGOÀI VANTHU: \(name) không còn khớp với lần ghi nhật ký cuối (\(entry)).",
                        "DOCUMENT EDITED OUTSIDE VANTHU: \(name) no longer matches the journal's last record of it (\(entry))."))
            case .unrecorded:
                Terminal.print(
                    Terminal.label(
                        "VĂN BẢN KHÔNG CÓ TRONG NHẬT KÝ: \(name) được thêm ngoài vanthu.",
                        "DOCUMENT NOT IN THE JOURNAL: \(name) was added outside vanthu."))
            case .missing:
                Terminal.print(
                    Terminal.label(
                        "VĂN BẢN BỊ XÓA: \(name) có trong nhật ký (\(entry)) nhưng không còn trong sổ.",
                        "DOCUMENT DELETED: \(name) is in the journal (\(entry)) but gone from the register."))
            }
        }
        if result.alteredDocumentCount > result.alteredDocuments.count {
            Terminal.print(
                Terminal.label(
                    "… và \(result.alteredDocumentCount - result.alteredDocuments.count) văn bản nữa.",
                    "… and \(result.alteredDocumentCount - result.alteredDocuments.count) more documents."))
        }
        for table in result.alteredTables {
            let name = JournalOutput.tableName(table.table)
            Terminal.print(
                table.journalId == nil
                    ? Terminal.label("BẢNG CHƯA ĐƯỢC NIÊM: \(name) chưa có trong nhật ký.", "TABLE NEVER SEALED: \(name) is not in the journal.")
                    : Terminal.label(
                        "BẢNG BỊ SỬA NGOÀI VANTHU: \(name) không còn khớp với lần ghi nhật ký cuối (#\(table.journalId ?? 0)).",
                        "TABLE EDITED OUTSIDE VANTHU: \(name) no longer matches the journal's last record of it (#\(table.journalId ?? 0))."))
        }
        for anchor in result.anchors {
            Terminal.print(
                anchor.entryId.map {
                    Terminal.label(
                        "Mã băm đã ghi \(anchor.hash.prefix(16))… là dòng #\($0): mọi dòng đến đó còn nguyên.",
                        "The recorded hash \(anchor.hash.prefix(16))… is entry #\($0): every entry up to it is intact.")
                }
                    ?? Terminal.label(
                        "KHÔNG THẤY MÃ BĂM ĐÃ GHI \(anchor.hash.prefix(16))… trên chuỗi nhật ký nguyên vẹn: nhật ký đã bị cắt bớt hoặc làm lại.",
                        "THE RECORDED HASH \(anchor.hash.prefix(16))… IS NOT on the intact chain: the journal was cut or rewritten."))
        }
        let head = result.headId.map { "#\($0) \(result.headHash ?? "")" } ?? "—"
        Terminal.print(
            result.isIntact
                ? Terminal.label(
                    "Nhật ký toàn vẹn: \(result.entries) dòng, \(result.documents) văn bản khớp. Dòng cuối: \(head)",
                    "Journal intact: \(result.entries) entries, \(result.documents) documents match. Last entry: \(head)")
                : Terminal.label(
                    "Nhật ký hoặc sổ đã bị sửa ngoài vanthu. Hãy đối chiếu với bản sao lưu (vanthu restore) và lập biên bản.",
                    "The journal or the register was changed outside vanthu. Compare with a backup (vanthu restore) and record it."))
    }

    /// The clerk's name of a sealed table.
    static func tableName(_ table: String) -> String {
        let names: [String: (String, String)] = [
            "organization": ("Thông tin cơ quan", "Agency details"), "documentType": ("Bảng loại văn bản", "Document types"),
            "register": ("Danh sách sổ", "Registers"), "seriesRule": ("Quy tắc đánh số", "Numbering rules"),
            "seriesStart": ("Số bắt đầu của dãy số", "Series first numbers"), "calendarDay": ("Lịch ngày nghỉ", "Holiday calendar"),
            "catalogHeading": ("Đề mục Danh mục hồ sơ", "Catalogue headings"), "dossier": ("Hồ sơ", "Hồ sơ"),
            "archiveTransfer": ("Biên bản nộp lưu", "Archive transfers"),
        ]
        return names[table].map { Terminal.label($0.0, $0.1) } ?? table
    }
}
