/// What `vanthu check` found: SQLite's own checks, the search index, the numbering series, the
/// journal's chain and seals, and every stored file.
public struct VerifyReport: Sendable, Encodable {
    /// Numbers missing from a series (a voided number is not missing: it stays in the register).
    public struct SeriesGap: Sendable, Encodable, Equatable {
        /// "Sổ đăng ký văn bản đến 2021", and the type code of a per-type series.
        public var register: String
        public var seriesKey: String
        /// "17", "233–235".
        public var numbers: String
        /// The gap came with a register imported from an older system, and its import recorded it.
        public var fromImport: Bool
    }

    /// `PRAGMA integrity_check` lines other than "ok".
    public var integrity: [String]
    public var foreignKeyErrors: Int
    public var checkedFiles: Int
    public var problems: [StoreProblem]
    /// Files in the store no document refers to (left by an attach that did not commit): harmless.
    public var unreferenced: Int
    /// Why the search index does not match the documents (SQLite's message, or the words that
    /// differ); nil when it matches.
    public var searchIndex: String?
    public var seriesGaps: [SeriesGap]
    /// Nil when the database itself is damaged (the chain is not read then).
    public var journal: JournalVerification?

    public var isClean: Bool {
        integrity.isEmpty && foreignKeyErrors == 0 && problems.isEmpty && searchIndex == nil
            && seriesGaps.allSatisfy(\.fromImport) && journal?.isIntact != false
    }

    /// Every finding as a short phrase, for a one-line refusal (a tampered backup).
    public func findings(in language: Language) -> [String] {
        let vi = language == .vi
        var lines = integrity
        if foreignKeyErrors > 0 { lines.append(vi ? "\(foreignKeyErrors) liên kết khóa ngoại hỏng" : "\(foreignKeyErrors) broken foreign keys") }
        lines += problems.map { "\($0.reference) “\($0.name)”: \(vi ? ($0.kind == .missing ? "thiếu tệp" : "tệp bị thay đổi") : $0.kind.rawValue)" }
        if searchIndex != nil { lines.append(vi ? "chỉ mục tìm kiếm không khớp" : "the search index does not match") }
        for gap in seriesGaps where !gap.fromImport {
            lines.append(vi ? "\(gap.register) thiếu số \(gap.numbers)" : "\(gap.register) lacks numbers \(gap.numbers)")
        }
        if let journal, !journal.isIntact {
            if journal.brokenLinkCount > 0 {
                let first = journal.brokenLinks.first.map { " (#\($0.id))" } ?? ""
                lines.append(
                    vi
                        ? "nhật ký bị sửa ở \(journal.brokenLinkCount) mục\(first)"
                        : "the journal was altered at \(journal.brokenLinkCount) entries\(first)")
            }
            if journal.orphanSeals > 0 {
                lines.append(
                    vi ? "nhật ký bị cắt (\(journal.orphanSeals) dấu niêm phong mồ côi)" : "the journal was cut (\(journal.orphanSeals) orphan seals)"
                )
            }
            if journal.alteredDocumentCount > 0 {
                let names = journal.alteredDocuments.prefix(5).map { $0.reference ?? "#\($0.id)" }.joined(separator: ", ")
                lines.append(
                    vi
                        ? "\(journal.alteredDocumentCount) bản ghi bị sửa ngoài vanthu (\(names))"
                        : "\(journal.alteredDocumentCount) records changed outside vanthu (\(names))")
            }
        }
        return lines
    }
}
