/// Why a Danh mục, hồ sơ, attachment, backup or restore command was refused. Nothing was changed.
public enum ArchiveError: Error, Equatable, Sendable {
    case unknownRetention(String)
    case invalidFileNotation(String)
    case dossierNotFound(String)
    case dossierExists(String)
    case dossierNotOpen(String, status: Dossier.Status)
    case dossierNotClosed(String, status: Dossier.Status)
    case dossierEmpty(String)
    case retentionMissing(String)
    case dossierArchived(String)
    case documentArchived(reference: String, dossier: String)
    case archivedReadOnly
    case alreadyFiled(reference: String, dossier: String)
    case notFiled(reference: String, dossier: String)
    case endBeforeDocuments(String, latest: LocalDate)
    case noHold(String)
    case catalogLine(line: Int, reason: Bilingual)
    case catalogEmpty(path: String)
    case fileUnreadable(path: String, reason: Bilingual)
    case alreadyAttached(reference: String, name: String)
    case attachmentNotFound(reference: String, name: String)
    case storeDamaged(String)
    case backupTargetNotEmpty(path: String)
    case notABackup(path: String, reason: Bilingual)
    case restoreTargetExists(path: String)
    /// The database being replaced gave numbers the backup does not know.
    case restoreReissuesNumbers([ReissuedNumbers])
}

extension ArchiveError: ClerkFacingError {
    public static var domain: String { "archive" }

    public var exitCode: Int32 {
        switch self {
        case .fileUnreadable, .catalogEmpty: 66  // EX_NOINPUT
        case .storeDamaged: 74  // EX_IOERR
        case .backupTargetNotEmpty, .restoreTargetExists: 73  // EX_CANTCREAT
        default: 65  // EX_DATAERR
        }
    }

    /// "den/2021/3–5, di/2021/12" : each series' first and last reference.
    private static func numbers(_ series: [ReissuedNumbers]) -> String {
        series.map { s in
            guard let first = s.references.first, let last = s.references.last else { return s.register }
            return first == last ? first : "\(first)–\(last.split(separator: "/").last.map(String.init) ?? last)"
        }.joined(separator: ", ")
    }

    /// What is wrong and what to do, in both languages side by side.
    public var text: Bilingual {
        switch self {
        case .unknownRetention(let s):
            Bilingual(
                vi: "Thời hạn bảo quản “\(s)” không hợp lệ. Hãy ghi “Vĩnh viễn” hoặc số năm, ví dụ 10 hoặc “10 năm”.",
                en: "Retention “\(s)” is not valid. Write “Vĩnh viễn” (permanent) or a number of years, such as 10 or “10 năm”.")
        case .invalidFileNotation(let s):
            Bilingual(
                vi: "Số và ký hiệu hồ sơ “\(s)” không hợp lệ. Ví dụ đúng: 01.TCCB (tối đa 20 ký tự, không có dấu cách).",
                en: "Hồ sơ number “\(s)” is not valid. Example: 01.TCCB (at most 20 characters, no spaces).")
        case .dossierNotFound(let s):
            Bilingual(
                vi:
                    "Không có hồ sơ \(s). Xem Danh mục bằng “vanthu catalog show --year …”; hồ sơ ngoài Danh mục mở bằng “vanthu file open … --title …”.",
                en:
                    "There is no hồ sơ \(s). See the catalogue with “vanthu catalog show --year …”; open a hồ sơ outside it with “vanthu file open … --title …”."
            )
        case .dossierExists(let s):
            Bilingual(
                vi: "Hồ sơ \(s) đã có. Mỗi năm một số và ký hiệu hồ sơ chỉ dùng một lần.",
                en: "Hồ sơ \(s) already exists. A hồ sơ number is used once a year.")
        case .dossierNotOpen(let s, let status):
            Bilingual(
                vi:
                    "Hồ sơ \(s) \(status.label), không thêm hoặc bớt văn bản được nữa. Hồ sơ đã kết thúc (chưa nộp lưu) có thể mở lại bằng “vanthu file reopen”.",
                en:
                    "Hồ sơ \(s) is \(status.rawValue): documents can no longer be added or removed. A closed hồ sơ not yet archived can be reopened with “vanthu file reopen”."
            )
        case .dossierNotClosed(let s, let status):
            Bilingual(
                vi: "Hồ sơ \(s) \(status.label): chỉ hồ sơ đã kết thúc mới nộp lưu được. Kết thúc hồ sơ bằng “vanthu file close”.",
                en: "Hồ sơ \(s) is \(status.rawValue): only closed hồ sơ can be transferred. Close it with “vanthu file close”.")
        case .dossierEmpty(let s):
            Bilingual(
                vi: "Hồ sơ \(s) chưa có văn bản nào, không kết thúc được. Thêm văn bản bằng “vanthu file add”.",
                en: "Hồ sơ \(s) holds no document and cannot be closed. Add documents with “vanthu file add”.")
        case .retentionMissing(let s):
            Bilingual(
                vi: "Hồ sơ \(s) chưa có thời hạn bảo quản. Hãy ghi --retention (Vĩnh viễn hoặc số năm).",
                en: "Hồ sơ \(s) has no retention period. Give --retention (vĩnh viễn or a number of years).")
        case .dossierArchived(let s):
            Bilingual(
                vi: "Hồ sơ \(s) đã nộp lưu: chỉ đọc, không thay đổi được.",
                en: "Hồ sơ \(s) is in the archive: it is read-only.")
        case .documentArchived(let ref, let dossier):
            Bilingual(
                vi: "Văn bản \(ref) thuộc hồ sơ \(dossier) đã nộp lưu: chỉ đọc, không sửa, hủy hay xử lý thêm được.",
                en: "Document \(ref) is in hồ sơ \(dossier), which is in the archive: it is read-only and cannot be edited, voided or handled.")
        case .archivedReadOnly:
            Bilingual(
                vi: "Hồ sơ đã nộp lưu và các văn bản trong đó chỉ đọc, không thay đổi được.",
                en: "Archived hồ sơ and their documents are read-only.")
        case .alreadyFiled(let ref, let dossier):
            Bilingual(
                vi: "Văn bản \(ref) đã có trong hồ sơ \(dossier).",
                en: "Document \(ref) is already in hồ sơ \(dossier).")
        case .notFiled(let ref, let dossier):
            Bilingual(
                vi: "Văn bản \(ref) không có trong hồ sơ \(dossier).",
                en: "Document \(ref) is not in hồ sơ \(dossier).")
        case .endBeforeDocuments(let s, let latest):
            Bilingual(
                vi: "Ngày kết thúc hồ sơ \(s) sớm hơn văn bản mới nhất trong hồ sơ (\(latest.vietnamese)). Hãy kiểm tra lại ngày.",
                en: "The end date of hồ sơ \(s) is before its latest document (\(latest.vietnamese)). Check the date.")
        case .noHold(let s):
            Bilingual(
                vi: "Hồ sơ \(s) không bị giữ lại, không có gì để bỏ giữ.",
                en: "Hồ sơ \(s) is not on hold; there is nothing to release.")
        case .catalogLine(let line, let reason):
            Bilingual(
                vi: "Danh mục hồ sơ, dòng \(line): \(reason.vi). Chưa nhập dòng nào; hãy sửa tệp rồi nhập lại.",
                en: "Catalogue line \(line): \(reason.en). Nothing was imported; fix the file and import it again.")
        case .catalogEmpty(let path):
            Bilingual(
                vi:
                    "Tệp “\(path)” không có dòng hồ sơ nào. Cột cần có: Số và ký hiệu hồ sơ, Tên đề mục và tiêu đề hồ sơ, Thời hạn bảo quản, Người lập hồ sơ, Ghi chú.",
                en:
                    "“\(path)” has no hồ sơ line. Expected columns: Số và ký hiệu hồ sơ, Tên đề mục và tiêu đề hồ sơ, Thời hạn bảo quản, Người lập hồ sơ, Ghi chú."
            )
        case .fileUnreadable(let path, let reason):
            Bilingual(
                vi: "Không đọc được tệp “\(path)”: \(reason.vi). Không có gì thay đổi.",
                en: "Cannot read “\(path)”: \(reason.en). Nothing was changed.")
        case .alreadyAttached(let ref, let name):
            Bilingual(
                vi: "Tệp “\(name)” (cùng nội dung) đã đính kèm văn bản \(ref).",
                en: "A file with the content of “\(name)” is already attached to \(ref).")
        case .attachmentNotFound(let ref, let name):
            Bilingual(
                vi: "Văn bản \(ref) không có tệp đính kèm “\(name)”. Xem danh sách bằng “vanthu attach list \(ref)”.",
                en: "Document \(ref) has no attachment “\(name)”. List them with “vanthu attach list \(ref)”.")
        case .storeDamaged(let detail):
            Bilingual(
                vi: "Kho tệp đính kèm bị hỏng: \(detail). Hãy khôi phục từ bản sao lưu (vanthu restore).",
                en: "The attachment store is damaged: \(detail). Restore it from a backup (vanthu restore).")
        case .backupTargetNotEmpty(let path):
            Bilingual(
                vi: "Thư mục “\(path)” đã có dữ liệu. Hãy chọn một thư mục mới hoặc rỗng cho bản sao lưu.",
                en: "Folder “\(path)” is not empty. Choose a new or empty folder for the backup.")
        case .notABackup(let path, let reason):
            Bilingual(
                vi: "“\(path)” không phải bản sao lưu dùng được của vanthu: \(reason.vi). Không có gì thay đổi.",
                en: "“\(path)” is not a usable vanthu backup: \(reason.en). Nothing was changed.")
        case .restoreTargetExists(let path):
            Bilingual(
                vi: "Đã có cơ sở dữ liệu “\(path)”. Thêm --replace để thay nó (bản cũ được giữ lại bên cạnh), hoặc chọn --db khác.",
                en: "Database “\(path)” exists. Add --replace to replace it (the old one is kept beside it), or choose another --db.")
        case .restoreReissuesNumbers(let series):
            Bilingual(
                vi:
                    "Cơ sở dữ liệu hiện tại đã cấp các số sau lúc sao lưu: \(Self.numbers(series)). Khôi phục bản sao lưu này thì các số đó sẽ bị cấp lại cho văn bản khác. Chưa khôi phục gì. Hãy sao lưu cơ sở dữ liệu hiện tại và ghi lại các văn bản đó; nếu vẫn khôi phục, thêm --reissue-numbers.",
                en:
                    "The current database gave these numbers after the backup was made: \(Self.numbers(series)). Restoring this backup would give them again to other documents. Nothing was restored. Back up the current database and note those documents; to restore anyway, add --reissue-numbers."
            )
        }
    }
}

extension ArchiveError {
    /// Each case without its values, one for one: a test asks every case for its messages
    /// (`Kind.allCases`), and a new case cannot be added without its kind.
    public enum Kind: String, CaseIterable, Sendable {
        case unknownRetention
        case invalidFileNotation
        case dossierNotFound
        case dossierExists
        case dossierNotOpen
        case dossierNotClosed
        case dossierEmpty
        case retentionMissing
        case dossierArchived
        case documentArchived
        case archivedReadOnly
        case alreadyFiled
        case notFiled
        case endBeforeDocuments
        case noHold
        case catalogLine
        case catalogEmpty
        case fileUnreadable
        case alreadyAttached
        case attachmentNotFound
        case storeDamaged
        case backupTargetNotEmpty
        case notABackup
        case restoreTargetExists
        case restoreReissuesNumbers
    }

    public var kind: Kind {
        switch self {
        case .unknownRetention: .unknownRetention
        case .invalidFileNotation: .invalidFileNotation
        case .dossierNotFound: .dossierNotFound
        case .dossierExists: .dossierExists
        case .dossierNotOpen: .dossierNotOpen
        case .dossierNotClosed: .dossierNotClosed
        case .dossierEmpty: .dossierEmpty
        case .retentionMissing: .retentionMissing
        case .dossierArchived: .dossierArchived
        case .documentArchived: .documentArchived
        case .archivedReadOnly: .archivedReadOnly
        case .alreadyFiled: .alreadyFiled
        case .notFiled: .notFiled
        case .endBeforeDocuments: .endBeforeDocuments
        case .noHold: .noHold
        case .catalogLine: .catalogLine
        case .catalogEmpty: .catalogEmpty
        case .fileUnreadable: .fileUnreadable
        case .alreadyAttached: .alreadyAttached
        case .attachmentNotFound: .attachmentNotFound
        case .storeDamaged: .storeDamaged
        case .backupTargetNotEmpty: .backupTargetNotEmpty
        case .notABackup: .notABackup
        case .restoreTargetExists: .restoreTargetExists
        case .restoreReissuesNumbers: .restoreReissuesNumbers
        }
    }
}
