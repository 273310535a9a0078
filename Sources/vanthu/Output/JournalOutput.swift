import VanThuCore

/// The lines of a journal verification, for `journal verify` and `check`.
enum JournalOutput {
    static func print(_ result: JournalVerification) {
        for link in result.brokenLinks {
            Terminal.print(Terminal.label(
                "NHẬT KÝ BỊ SỬA: dòng #\(link.id) (\(link.at), \(link.user), \(link.action)\(link.reference.map { ", \($0)" } ?? "")) không khớp mã băm của chuỗi.",
                "JOURNAL ALTERED: entry #\(link.id) (\(link.at), \(link.user), \(link.action)\(link.reference.map { ", \($0)" } ?? "")) does not match the chain's hash."))
        }
        if result.brokenLinkCount > result.brokenLinks.count {
            Terminal.print(Terminal.label("… và \(result.brokenLinkCount - result.brokenLinks.count) dòng nữa.", "… and \(result.brokenLinkCount - result.brokenLinks.count) more."))
        }
        if result.orphanSeals > 0 {
            Terminal.print(Terminal.label(
                "NHẬT KÝ BỊ XÓA: \(result.orphanSeals) dấu niêm văn bản thuộc về dòng nhật ký không còn.",
                "JOURNAL ENTRIES DELETED: \(result.orphanSeals) document seals belong to entries that are gone."))
        }
        for document in result.alteredDocuments {
            let name = document.reference ?? "#\(document.id)"
            let entry = document.journalId.map { "#\($0)" } ?? ""
            switch document.kind {
            case .changed:
                Terminal.print(Terminal.label(
                    "VĂN BẢN BỊ SỬA NGOÀI VANTHU: \(name) không còn khớp với lần ghi nhật ký cuối (\(entry)).",
                    "DOCUMENT EDITED OUTSIDE VANTHU: \(name) no longer matches the journal's last record of it (\(entry))."))
            case .unrecorded:
                Terminal.print(Terminal.label(
                    "VĂN BẢN KHÔNG CÓ TRONG NHẬT KÝ: \(name) được thêm ngoài vanthu.",
                    "DOCUMENT NOT IN THE JOURNAL: \(name) was added outside vanthu."))
            case .missing:
                Terminal.print(Terminal.label(
                    "VĂN BẢN BỊ XÓA: \(name) có trong nhật ký (\(entry)) nhưng không còn trong sổ.",
                    "DOCUMENT DELETED: \(name) is in the journal (\(entry)) but gone from the register."))
            }
        }
        if result.alteredDocumentCount > result.alteredDocuments.count {
            Terminal.print(Terminal.label(
                "… và \(result.alteredDocumentCount - result.alteredDocuments.count) văn bản nữa.",
                "… and \(result.alteredDocumentCount - result.alteredDocuments.count) more documents."))
        }
        let head = result.headId.map { "#\($0) \(result.headHash ?? "")" } ?? "—"
        Terminal.print(result.isIntact
            ? Terminal.label(
                "Nhật ký toàn vẹn: \(result.entries) dòng, \(result.documents) văn bản khớp. Dòng cuối: \(head)",
                "Journal intact: \(result.entries) entries, \(result.documents) documents match. Last entry: \(head)")
            : Terminal.label(
                "Nhật ký hoặc sổ đã bị sửa ngoài vanthu. Hãy đối chiếu với bản sao lưu (vanthu restore) và lập biên bản.",
                "The journal or the register was changed outside vanthu. Compare with a backup (vanthu restore) and record it."))
    }
}
