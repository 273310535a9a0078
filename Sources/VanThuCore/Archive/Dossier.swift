import GRDB

/// A hồ sơ (ND30 Phụ lục VI mục III): listed in a year's Danh mục, or opened outside it, then
/// filled with documents, closed when its work ends, and handed to the agency archive.
public struct Dossier: Equatable, Sendable {
    public enum Status: String, Sendable, Encodable, CaseIterable {
        /// Listed in the Danh mục, not opened yet.
        case planned
        case open
        case closed
        /// Handed to the archive: read-only, with its documents.
        case archived

        public var label: String {
            switch self {
            case .planned: "chưa mở"
            case .open: "đang lập"
            case .closed: "đã kết thúc"
            case .archived: "đã nộp lưu"
            }
        }
    }

    public var id: Int64
    /// FileCatalog: the year of the Danh mục.
    public var year: Int
    /// FileNotation: số và ký hiệu hồ sơ, `01.TCCB`.
    public var fileNotation: String
    public var title: String
    /// Maintenance: nil until someone sets it; closing needs it.
    public var retention: Retention?
    /// Creator: người lập hồ sơ.
    public var creator: String?
    public var rights: String?
    public var language: String
    public var description: String?
    /// The đề mục it is listed under, when it is in the Danh mục.
    public var headingId: Int64?
    public var inCatalog: Bool
    public var status: Status
    public var startDate: LocalDate?
    public var endDate: LocalDate?
    public var pageTotal: Int?
    /// XDCB hồ sơ go to the archive within 3 months, others within a year (ND30 Điều 30).
    public var construction: Bool
    public var transferDue: LocalDate?
    public var transferId: Int64?
    public var hold: String?
    /// DocTotal, counted when read.
    public var documentCount: Int

    /// Số và ký hiệu hồ sơ: 1–20 characters (FileNotation String 20), no spaces.
    static func isValidNotation(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 20 && !text.contains(where: { $0.isWhitespace || $0 == "/" })
    }

    /// `2021/01.TCCB`: how commands and messages name a hồ sơ.
    public var reference: String { "\(year)/\(fileNotation)" }

    /// Mã hồ sơ (Phụ lục VI III.1): mã định danh of the agency, year, số và ký hiệu, joined by dots.
    public func fileCode(organization: Organization) -> String {
        "\(organization.organId ?? organization.code).\(year).\(fileNotation)"
    }

    /// The last year of the retention period; nil for vĩnh viễn or a hồ sơ not closed yet.
    public var retentionEndYear: Int? {
        guard case .years(let n) = retention, let endDate else { return nil }
        return endDate.year + n
    }

    /// Reads a row of ``DossierRecord/counted()``: the hồ sơ's columns and `documentCount`.
    init(row: Row) {
        id = row["id"]
        year = row["year"]
        fileNotation = row["fileNotation"]
        title = row["title"]
        retention = Retention(stored: row["retention"])
        creator = row["creator"]
        rights = row["rights"]
        language = row["language"]
        description = row["description"]
        headingId = row["headingId"]
        inCatalog = (row["position"] as Int?) != nil
        status = Status(rawValue: row["status"]) ?? .open
        startDate = (row["startDate"] as String?).flatMap(LocalDate.parse)
        endDate = (row["endDate"] as String?).flatMap(LocalDate.parse)
        pageTotal = row["pageTotal"]
        construction = row["construction"]
        transferDue = (row["transferDue"] as String?).flatMap(LocalDate.parse)
        transferId = row["transferId"]
        hold = row["holdReason"]
        documentCount = row["documentCount"] ?? 0
    }
}

extension Dossier: Encodable {
    /// Phụ lục VI mục III names in camelCase; dates ISO 8601.
    var json: JSONValue {
        .fields([
            ("creator", JSONValue(creator)),
            ("description", JSONValue(description)),
            ("docTotal", JSONValue(documentCount)),
            ("endDate", JSONValue(endDate?.iso)),
            ("fileCatalog", JSONValue(year)),
            ("fileNotation", .string(fileNotation)),
            ("hold", JSONValue(hold)),
            ("id", JSONValue(Int(id))),
            ("inCatalog", .bool(inCatalog)),
            ("language", .string(language)),
            ("maintenance", JSONValue(retention?.label)),
            ("pageTotal", JSONValue(pageTotal)),
            ("reference", .string(reference)),
            ("rights", JSONValue(rights)),
            ("startDate", JSONValue(startDate?.iso)),
            ("status", .string(status.rawValue)),
            ("title", .string(title)),
            ("transferDue", JSONValue(transferDue?.iso)),
        ])
    }

    public func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// The life cycle of a hồ sơ (ND30 Điều 28–31) as a pure state machine: planned in the Danh
/// mục, opened by its first document, closed when its work ends, reopened while it is not in the
/// archive, handed to the archive for good. `DossierService` applies it.
extension Dossier.Status {
    /// What can happen to a hồ sơ.
    public enum Event: String, Sendable, CaseIterable {
        /// A document filed into it (opens a planned one).
        case file
        /// A document taken out of it.
        case unfile
        case close
        case reopen
        /// Handed to the archive.
        case transfer
    }

    /// The status after `event`; throws the clerk's reason when the event may not happen now.
    /// `reference` names the hồ sơ in that reason.
    public func after(_ event: Event, reference: String) throws -> Dossier.Status {
        switch (event, self) {
        case (.file, .planned), (.file, .open), (.unfile, .open), (.reopen, .closed): return .open
        case (.file, _), (.unfile, _): throw ArchiveError.dossierNotOpen(reference, status: self)
        case (.close, .open): return .closed
        case (.close, .planned): throw ArchiveError.dossierEmpty(reference)
        case (.close, _): throw ArchiveError.dossierNotOpen(reference, status: self)
        case (.transfer, .closed): return .archived
        case (.reopen, .archived), (.transfer, .archived): throw ArchiveError.dossierArchived(reference)
        case (.reopen, _), (.transfer, _): throw ArchiveError.dossierNotClosed(reference, status: self)
        }
    }
}
